import { Controller, Get, Header, Query } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Env } from '@qj/config';
import { DomainException } from '@qj/http';
import { escapeHtml, verifyUnsubscribeToken } from '@qj/mail';
import { NotificationPreferenceRepository } from '@qj/persistence';
import { Public } from '../auth';

const KIND_LABEL = { alert: '逾期与督办提醒', digest: '每周简报' } as const;

/** The link at the foot of every e-mail: works without signing in, the token being an HMAC of user and kind. */
@ApiTags('notifications')
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly preferences: NotificationPreferenceRepository,
    private readonly config: ConfigService<Env, true>,
  ) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Turn one kind of e-mail off for the user the token names (no sign-in)' })
  @ApiOkResponse({ description: 'a short HTML page confirming it' })
  @ApiBadRequestResponse({ description: 'the token is missing, malformed or not ours (problem+json)' })
  async unsubscribe(@Query('token') token: unknown): Promise<string> {
    const secret = this.config.get('JWT_SECRET', { infer: true });
    const subject = secret ? verifyUnsubscribeToken(secret, token) : undefined;
    if (!subject) throw new DomainException('invalid_unsubscribe_token', 400, '退订链接无效或已损坏', {}, [{ field: 'token', message: '退订链接无效或已损坏' }]);
    await this.preferences.set(subject.userId, { [subject.kind]: false });
    const label = escapeHtml(KIND_LABEL[subject.kind]);
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>已退订</title></head><body><p>已退订「${label}」邮件。站内通知不受影响；可在个人设置中重新开启。</p></body></html>`;
  }
}
