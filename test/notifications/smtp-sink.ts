import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** The raw message with quoted-printable undone: what a reader sees, parts and all. */
  decoded: string;
  subject: string;
  mailId: string | undefined;
  header(name: string): string | undefined;
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) as nodemailer writes Chinese subjects. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeQuotedPrintable(raw: string): string {
  const bytes = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Each MIME part's body decoded by its Content-Transfer-Encoding (quoted-printable or base64), headers kept. */
function decodeParts(raw: string): string {
  return raw
    .split(/\r?\n(?=----_)/)
    .map((part) => {
      const [head, ...rest] = part.split(/\r?\n\r?\n/);
      const body = rest.join('\n\n');
      if (/content-transfer-encoding:\s*base64/i.test(head)) return `${head}\n\n${Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')}`;
      if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return `${head}\n\n${decodeQuotedPrintable(body)}`;
      return part;
    })
    .join('\n');
}

function headerOf(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line === undefined ? undefined : decodeWords(line.slice(name.length + 1).trim());
}

/** A message as a reader sees it: decoded subject, headers and parts (also for `.eml` files). */
export function readMail(raw: string): Pick<ReceivedMail, 'raw' | 'decoded' | 'subject' | 'mailId' | 'header'> {
  return {
    raw,
    decoded: decodeParts(raw),
    subject: headerOf(raw, 'Subject') ?? '',
    mailId: headerOf(raw, 'X-QJ-Mail-Id'),
    header: (name) => headerOf(raw, name),
  };
}

/**
 * A real SMTP server for the tests. `tempFailFor(ms)` answers 451 to every DATA for a while; recipients
 * whose address contains `refuse` get a permanent 550; `acceptDelayMs` makes it a slow server (each message
 * is recorded when it is accepted, after the delay).
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  tempFailures = 0;
  acceptDelayMs = 0;
  private tempFailUntil = 0;
  private readonly server: SMTPServer;

  constructor(readonly port: number) {
    this.server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (address.address.includes('refuse')) return callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (Date.now() < this.tempFailUntil) {
            this.tempFailures++;
            return callback(Object.assign(new Error('4.3.0 try again later'), { responseCode: 451 }));
          }
          const accept = () => {
            this.received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              ...readMail(Buffer.concat(chunks).toString('utf8')),
            });
            callback();
          };
          if (this.acceptDelayMs > 0) setTimeout(accept, this.acceptDelayMs);
          else accept();
        });
      },
    });
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  start(): Promise<void> {
    return new Promise((done, fail) => {
      this.server.once('error', fail);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', fail);
        // Once listening, errors are clients' connections reset (a worker killed mid-session): the test's doing.
        this.server.on('error', () => undefined);
        done();
      });
    });
  }

  stop(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }

  tempFailFor(ms: number): void {
    this.tempFailUntil = Date.now() + ms;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }
}
