import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Env } from '@qj/config';
import { isoWeekOf, todayIn } from '@qj/domain';
import { DomainException } from '@qj/http';
import { DigestComposer } from '@qj/mail';
import { DigestRepository } from '@qj/persistence';
import { RequireAccess, Roles } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ComposedDigestDto } from './dto/digest.response.dto';

/** What a user's weekly digest (周报) would say now, for administrators; nothing is sent. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems([403, '无权执行此操作 (admins only)'])
@Roles('admin')
@Controller('admin/digests')
export class DigestsController {
  constructor(
    private readonly digests: DigestRepository,
    private readonly composer: DigestComposer,
    private readonly config: ConfigService<Env, true>,
  ) {}

  @Post('preview')
  @RequireAccess('digest.preview')
  @HttpCode(200)
  @ApiOperation({ summary: "Compose a user's weekly digest as of today without sending it" })
  @ApiQuery({ name: 'userId', required: true, schema: { type: 'string', format: 'uuid' }, description: 'the recipient' })
  @ApiOkResponse({ type: ComposedDigestDto })
  @ApiProblems([404, 'no active user with this id'])
  async preview(@Query('userId') userId: string) {
    const recipient = /^[0-9a-f-]{36}$/i.test(userId ?? '') ? await this.digests.recipient(userId) : undefined;
    if (!recipient) throw new DomainException('user_not_found', 404, '用户不存在或已停用');
    const today = todayIn(this.config.get('APP_TIMEZONE', { infer: true }));
    return this.composer.compose(recipient, isoWeekOf(today).key, today);
  }
}
