import { Controller, Get, Header, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { languageOf, ValidationFailedException } from '@qj/http';
import { CurrentUser } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { DigestsService } from './digests.service';
import { SentDigestDto } from './dto/digest.response.dto';
import type { AuthUser } from '../auth';

/** A period key as the worker writes it: 2026-W48, or under DIGEST_PERIOD=firing 2026-W48-20261123T010000Z. */
const PERIOD = /^\d{4}-W\d{2}(-\d{8}T\d{6}Z)?$/;

/** The digests the signed-in user was sent (or, mail turned off, shown in the app): what each said, as composed then. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/digests')
export class MyDigestsController {
  constructor(private readonly digests: DigestsService) {}

  @Get(':week')
  @ApiOperation({ summary: 'One of my weekly digests, as composed for that period (its notification links here)' })
  @ApiParam({ name: 'week', schema: { type: 'string', pattern: PERIOD.source }, example: '2026-W48' })
  @ApiOkResponse({ type: SentDigestDto })
  @ApiProblems([404, 'no digest of mine for that period'])
  @Header('Vary', 'Accept-Language')
  async get(@CurrentUser() user: AuthUser, @Param('week') week: string, @Headers('accept-language') acceptLanguage?: string) {
    if (!PERIOD.test(week))
      throw new ValidationFailedException([{ field: 'week', message: { zh: 'week 应形如 2026-W48', en: 'week must look like 2026-W48' } }]);
    return this.digests.composed(user.id, week, languageOf(acceptLanguage));
  }
}
