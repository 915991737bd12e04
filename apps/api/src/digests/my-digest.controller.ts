import { Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Env } from '@qj/config';
import { isoWeekOf, todayIn } from '@qj/domain';
import { DomainException } from '@qj/http';
import { DigestComposer } from '@qj/mail';
import { DigestRepository } from '@qj/persistence';
import { CurrentUser, Roles } from '../auth';
import { ComposedDigestDto } from './dto/digest.response.dto';
import type { AuthUser } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';

/** "What this week's e-mail would say": the signed-in recipient's own digest (周报) as of today; nothing is sent. */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiProblems([403, '无权执行此操作 (owners and reviewers only: they are the digest’s recipients)'])
@Roles('owner', 'reviewer')
@Controller('me/digest-preview')
export class MyDigestController {
  constructor(
    private readonly digests: DigestRepository,
    private readonly composer: DigestComposer,
    private readonly config: ConfigService<Env, true>,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My weekly digest as of today, composed as the Monday mail would be, without sending it' })
  @ApiOkResponse({ type: ComposedDigestDto })
  async preview(@CurrentUser() user: AuthUser) {
    const recipient = await this.digests.recipient(user.id);
    // The guard re-reads the user on every request, so only a deactivation between the two reads lands here.
    if (!recipient) throw new DomainException('user_not_found', 404, '用户不存在或已停用');
    const today = todayIn(this.config.get('APP_TIMEZONE', { infer: true }));
    return this.composer.compose(recipient, isoWeekOf(today).key, today);
  }
}
