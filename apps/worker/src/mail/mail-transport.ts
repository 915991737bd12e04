import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { unsubscribeUrl } from '@qj/mail';
import type { OutgoingMail, SendOutcome } from '@qj/persistence';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';

/**
 * SMTP connections per worker process, and so mails in flight: a process killed mid-send may have had this many
 * accepted by the server but not yet marked sent — the only duplicates a crash can cause.
 */
export const SMTP_POOL_SIZE = 5;

/** SMTP replies that will not change on retry (5xx): the mail is recorded as failed. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Sends over SMTP (`SMTP_URL`, pooled) or, without one, writes each mail as an `.eml` file under
 * `<VAR_DIR>/outbox/` so the embedded mode shows what would have been sent.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  readonly mode: 'smtp' | 'eml';
  readonly outboxDir: string;

  constructor(private readonly config: ConfigService<Env, true>) {
    const smtpUrl = config.get('SMTP_URL', { infer: true });
    this.outboxDir = resolve(config.get('VAR_DIR', { infer: true }), 'outbox');
    if (smtpUrl) {
      this.mode = 'smtp';
      this.transporter = createTransport({
        url: smtpUrl,
        pool: true,
        maxConnections: SMTP_POOL_SIZE,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      } as Parameters<typeof createTransport>[0]) as Transporter;
    } else {
      this.mode = 'eml';
      this.transporter = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  /** Where mail without an address goes in `.eml` mode: demo accounts have none. */
  fallbackAddress(username: string): string | null {
    return this.mode === 'eml' ? `${username}@qijiang.local` : null;
  }

  async send(mail: OutgoingMail): Promise<SendOutcome> {
    const headers: Record<string, string> = {};
    const secret = this.config.get('JWT_SECRET', { infer: true });
    if (mail.userId && secret) {
      const kind = mail.kind === 'digest' || mail.kind === 'workflow' ? mail.kind : 'alert';
      headers['List-Unsubscribe'] = `<${unsubscribeUrl(this.config.get('PUBLIC_URL', { infer: true }), secret, mail.userId, kind)}>`;
      // RFC 8058: a mail client may unsubscribe with one POST to that URL, without the person signing in.
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    try {
      const info = await this.transporter.sendMail({
        from: this.config.get('MAIL_FROM', { infer: true }),
        to: mail.toAddress,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        headers: { ...headers, 'X-QJ-Mail-Id': mail.id },
      });
      if (this.mode === 'eml') this.writeEml(mail, info.message as Buffer);
      return { status: 'sent' };
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      if (isPermanent(err)) return { status: 'failed', error: err.message };
      this.logger.warn(`mail ${mail.id} to ${mail.toAddress} not sent yet: ${err.message}`);
      return { status: 'retry', error: err };
    }
  }

  /** Written under a temporary name and renamed, so a reader never sees half a mail. */
  private writeEml(mail: OutgoingMail, message: Buffer): void {
    mkdirSync(this.outboxDir, { recursive: true });
    const file = join(this.outboxDir, `${mail.id.padStart(8, '0')}-${mail.kind}.eml`);
    writeFileSync(`${file}.tmp`, message);
    renameSync(`${file}.tmp`, file);
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
