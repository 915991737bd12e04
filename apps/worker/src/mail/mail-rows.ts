import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { MailPreferenceKind, unsubscribeUrl } from '@qj/mail';
import type { NewMail } from '@qj/persistence';
import { CataloguedQueue, enqueueBulk, mailJobId, QUEUES } from '@qj/queue';
import { MailTransport } from './mail-transport';

/** Whom a mail row is for: a user's id, sign-in name (for the `.eml` fallback) and address, if any. */
export interface MailUser {
  id: string;
  username: string;
  email: string | null;
}

/**
 * The mail rows the workers write for users, and their send jobs: one home for a user's address (the `.eml`
 * fallback, else a row kept as not sendable), the links a mail carries and the job after the rows' commit.
 */
@Injectable()
export class MailRows {
  private readonly logger = new Logger(MailRows.name);

  constructor(
    private readonly transport: MailTransport,
    private readonly config: ConfigService<Env, true>,
    @InjectQueue(QUEUES.mail) private readonly mailQueue: CataloguedQueue<'mail'>,
  ) {}

  /** The console's address as mails link to it. */
  get publicUrl(): string {
    return this.config.get('PUBLIC_URL', { infer: true });
  }

  unsubscribeUrl(userId: string, kind: MailPreferenceKind): string {
    return unsubscribeUrl(this.publicUrl, this.config.get('JWT_SECRET', { infer: true }) ?? '', userId, kind);
  }

  /** A user's row, to their address or, in `.eml` mode, the fallback; with neither it is written as not sendable. */
  forUser(user: MailUser, mail: Pick<NewMail, 'kind' | 'dedupeKey' | 'subject' | 'html' | 'text'>): NewMail {
    const toAddress = user.email ?? this.transport.fallbackAddress(user.username);
    return { ...mail, userId: user.id, toAddress, skipReason: toAddress ? undefined : '用户未设置邮箱' };
  }

  /** After the rows' commit: a send job each. A queue outage only delays them: the sweeper sends rows left queued. */
  async send(mailIds: readonly string[]): Promise<void> {
    if (!mailIds.length) return;
    await enqueueBulk(
      this.mailQueue,
      'mail.send',
      mailIds.map((mailId) => ({ data: { mailId }, opts: { jobId: mailJobId(mailId) } })),
    ).catch((error: Error) => this.logger.warn(`mail jobs not enqueued (the sweeper will send them): ${error.message}`));
  }
}
