import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Env } from '@qj/config';
import { UserRepository } from '@qj/persistence';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AuthUser, forbidden, unauthenticated } from '../auth';
import { isUuid } from '@qj/http';

/** Where the dashboard lives: outside /api, so a browser tab can open it (a navigation cannot send a Bearer header). */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'qj_queue_dashboard';
/** Short, because the cookie is a bearer credential of its own; the admin clicks 队列看板 again to renew it. */
export const QUEUE_DASHBOARD_SESSION_SECONDS = 30 * 60;

/** Who a cookie or token speaks for, and of which of their token generations. */
interface Claim {
  userId: string;
  generation: number;
}

/**
 * Who may open the queue dashboard: an active admin, shown by a dashboard session cookie (set by
 * POST /api/admin/queue-dashboard/session) or by the console's Bearer token. The dashboard is Express
 * middleware, which the global guards never see, so this is its guard. The user is read afresh on every
 * request: a deactivated or demoted admin is out at once. Like an access token, a session carries the user's token
 * generation, so it ends with the user's other sessions (password change, sign-out, deactivation, new role).
 */
@Injectable()
export class QueueDashboardAccess implements OnModuleInit {
  /** Derived from JWT_SECRET under its own label, so a session cookie is never accepted as an API token, nor the reverse. */
  private readonly sessionKey: Buffer;
  private jwt: JwtService;

  constructor(
    config: ConfigService<Env, true>,
    private readonly users: UserRepository,
    private readonly moduleRef: ModuleRef,
  ) {
    const secret = config.get('JWT_SECRET', { infer: true });
    if (!secret) throw new Error('JWT_SECRET is required to sign queue dashboard sessions (got unset)');
    this.sessionKey = createHmac('sha256', secret).update('queue-dashboard-session').digest();
  }

  onModuleInit(): void {
    // The one JwtService AuthModule configures (key, HS256 only), so a Bearer token is checked exactly as the API checks it.
    this.jwt = this.moduleRef.get(JwtService, { strict: false });
  }

  /** A session for the user: `<userId>.<token generation>.<expiry, epoch seconds>.<HMAC>`. */
  issueSession(user: Pick<AuthUser, 'id' | 'tokenGeneration'>, now = Date.now()): { token: string; expiresAt: Date } {
    const expiresAt = Math.floor(now / 1000) + QUEUE_DASHBOARD_SESSION_SECONDS;
    const body = `${user.id}.${user.tokenGeneration}.${expiresAt}`;
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(expiresAt * 1000) };
  }

  /** Express middleware answering 401 (nobody signed in), 403 (not an admin) or passing the request on. */
  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      this.admit(req).then((verdict) => {
        if (verdict === 'admin') return next();
        if (prefersHtml(req)) {
          res
            .status(verdict === 'anonymous' ? 401 : 403)
            .set('Cache-Control', 'no-store')
            .type('html')
            .send(refusalPage(verdict));
          return;
        }
        next(verdict === 'anonymous' ? unauthenticated() : forbidden());
      }, next);
    };
  }

  private async admit(req: Request): Promise<'admin' | 'anonymous' | 'not-admin'> {
    const claim = this.sessionClaim(readCookie(req, QUEUE_DASHBOARD_COOKIE)) ?? (await this.bearerClaim(req));
    if (!claim) return 'anonymous';
    const user = await this.users.findActiveSubject(claim.userId);
    if (!user || user.tokenGeneration !== claim.generation) return 'anonymous';
    return user.role === 'admin' ? 'admin' : 'not-admin';
  }

  private sessionClaim(token: string | undefined, now = Date.now()): Claim | undefined {
    const [userId, generation, expiresAt, signature, ...rest] = (token ?? '').split('.');
    if (rest.length || !isUuid(userId) || !/^\d{1,10}$/.test(generation ?? '') || !/^\d+$/.test(expiresAt ?? '') || !signature) return undefined;
    const expected = Buffer.from(this.sign(`${userId}.${generation}.${expiresAt}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return Number(expiresAt) * 1000 > now ? { userId, generation: Number(generation) } : undefined;
  }

  private async bearerClaim(req: Request): Promise<Claim | undefined> {
    const header = req.headers.authorization;
    const token = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
    if (!token) return undefined;
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown; gen?: unknown }>(token);
      const valid = isUuid(payload.sub) && Number.isInteger(payload.gen);
      return valid ? { userId: payload.sub as string, generation: payload.gen as number } : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.sessionKey).update(body).digest('base64url');
  }
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/** A tab the admin opened gets a page to read; the dashboard's own XHRs and curl get problem+json. */
function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/problem+json', 'html']) === 'html';
}

function refusalPage(verdict: 'anonymous' | 'not-admin'): string {
  const message =
    verdict === 'anonymous'
      ? `请先以管理员身份登录控制台，再在“运维”页点击“队列看板”打开本页（打开凭证 ${QUEUE_DASHBOARD_SESSION_SECONDS / 60} 分钟内有效）。`
      : '队列看板仅对管理员开放。';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>队列看板 · 綦江区“十五五”重大项目调度平台</title></head>
<body style="font-family: system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #262626">
<h1 style="font-size: 1.4rem">${verdict === 'anonymous' ? '未登录或登录已过期' : '无权查看'}</h1>
<p>${message}</p>
<p><a href="/operations">前往运维页</a></p>
</body></html>`;
}
