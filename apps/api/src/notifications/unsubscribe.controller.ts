import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Env } from '@qj/config';
import { ValidationFailedException } from '@qj/http';
import { escapeHtml, MailPreferenceKind, verifyUnsubscribeToken } from '@qj/mail';
import { Public } from '../auth';
import { NotificationsService } from './notifications.service';

/** The answer of both routes: a short page in Chinese. */
const HTML_PAGE = { content: { 'text/html': { schema: { type: 'string' } } } };
const TOKEN_QUERY = {
  name: 'token',
  required: true,
  description: 'the signed token of the mail’s link (an HMAC of user and kind)',
  schema: { type: 'string' },
};

const KIND_LABEL: Record<MailPreferenceKind, string> = { alert: '逾期与督办提醒', workflow: '审批通知', digest: '每周简报', report: '月报提醒' };

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#222;max-width:32em;margin:3em auto;padding:0 1em">
<h2 style="font-size:18px">${escapeHtml(title)}</h2>
${body}
<p style="font-size:12px;color:#888">綦江区“十五五”重大项目调度平台</p>
</body></html>`;
}

/**
 * The link at the foot of every e-mail, usable without signing in (the token is an HMAC of user and kind).
 * GET only shows a confirmation page — mail gateways' link scanners follow links — and the change is a POST:
 * the page's button, or a mail client's RFC 8058 one-click POST to the List-Unsubscribe URL.
 */
@ApiTags('notifications')
@Public()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly config: ConfigService<Env, true>,
  ) {}

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A confirmation page for turning one kind of e-mail off; changes nothing' })
  @ApiProduces('text/html')
  @ApiQuery(TOKEN_QUERY)
  @ApiOkResponse({ description: 'a short HTML page whose button POSTs to the same URL', ...HTML_PAGE })
  @ApiBadRequestResponse({ description: 'the token is missing, malformed or not ours (problem+json naming `token`)' })
  confirm(@Query('token') token: unknown): string {
    const subject = this.verify(token);
    const label = escapeHtml(KIND_LABEL[subject.kind]);
    const action = `${this.config.get('PUBLIC_URL', { infer: true })}/api/unsubscribe?token=${encodeURIComponent(String(token))}`;
    return page(
      '退订邮件',
      `<p>确定不再接收「${label}」邮件吗？站内通知不受影响。</p>
<form method="post" action="${escapeHtml(action)}"><button type="submit" style="font-size:15px;padding:6px 18px">确认退订</button></form>
<p>也可以登录后在<a href="${escapeHtml(this.settingsUrl())}">个人设置</a>中调整各类邮件。</p>`,
    );
  }

  @Post()
  @HttpCode(200)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Turn one kind of e-mail off for the user the token names (no sign-in; RFC 8058 one-click)' })
  @ApiProduces('text/html')
  @ApiQuery(TOKEN_QUERY)
  @ApiOkResponse({ description: 'a short HTML page confirming it', ...HTML_PAGE })
  @ApiBadRequestResponse({ description: 'the token is missing, malformed or not ours (problem+json naming `token`); nothing changes' })
  async unsubscribe(@Query('token') token: unknown): Promise<string> {
    const subject = this.verify(token);
    await this.notifications.setPreferences(subject.userId, { [subject.kind]: false });
    return page(
      '已退订',
      `<p>已退订「${escapeHtml(KIND_LABEL[subject.kind])}」邮件。站内通知不受影响。</p>
<p>如需重新开启，请登录后在<a href="${escapeHtml(this.settingsUrl())}">个人设置</a>中打开。</p>`,
    );
  }

  private verify(token: unknown): { userId: string; kind: MailPreferenceKind } {
    const secret = this.config.get('JWT_SECRET', { infer: true });
    const subject = secret ? verifyUnsubscribeToken(secret, token) : undefined;
    if (!subject) {
      const message = token
        ? { zh: 'token 无效或已损坏，请使用邮件中的完整链接', en: 'token is invalid or damaged: use the whole link from the e-mail' }
        : { zh: '缺少 token', en: 'token is missing' };
      throw new ValidationFailedException([{ field: 'token', message }]);
    }
    return subject;
  }

  /** 个人设置: where everyone's mail switches are, beside their password. */
  private settingsUrl(): string {
    return `${this.config.get('PUBLIC_URL', { infer: true })}/settings`;
  }
}
