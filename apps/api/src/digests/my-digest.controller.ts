import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth';
import { DigestsService } from './digests.service';
import { ComposedDigestDto } from './dto/digest.response.dto';
import type { AuthUser } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';

/** "What this week's e-mail would say": the signed-in recipient's own digest (周报) as of today; nothing is sent. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiProblems([403, '无权执行此操作 (owners, reviewers and leaders only: they are the digest’s recipients)'])
@Roles('owner', 'reviewer', 'leader')
@Controller('me/digest-preview')
export class MyDigestController {
  constructor(private readonly digests: DigestsService) {}

  @Get()
  @ApiOperation({ summary: 'My weekly digest as of today, composed as the Monday mail would be, without sending it' })
  @ApiOkResponse({ type: ComposedDigestDto })
  preview(@CurrentUser() user: AuthUser) {
    // The guard re-reads the user on every request, so only a deactivation between the two reads gives a 404.
    return this.digests.preview(user.id);
  }
}
