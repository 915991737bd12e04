import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type { FileStore } from './file-store';

/**
 * A folder (`var/files` by default). Each write goes to a temporary file under `.tmp` in the same folder and is
 * renamed into place, so a reader never sees half a blob and a crash leaves at most a stray temporary file.
 */
export class FolderFileStore implements FileStore {
  readonly kind = 'folder';

  constructor(readonly root: string) {}

  async putFile(key: string, sourcePath: string): Promise<void> {
    await this.atomically(key, (temp) => copyFile(sourcePath, temp));
  }

  async putBuffer(key: string, body: Buffer): Promise<void> {
    await this.atomically(key, (temp) => writeFile(temp, body));
  }

  async has(key: string): Promise<boolean> {
    return stat(this.pathOf(key)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async get(key: string): Promise<Readable | undefined> {
    if (!(await this.has(key))) return undefined;
    return createReadStream(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async list(prefix: string): Promise<string[]> {
    const base = this.pathOf(prefix);
    const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isFile()).map((e) => relative(this.root, join(e.parentPath, e.name)).split(sep).join('/'));
  }

  private async atomically(key: string, write: (temp: string) => Promise<void>): Promise<void> {
    const target = this.pathOf(key);
    const temp = join(this.root, '.tmp', `${randomBytes(8).toString('hex')}.part`);
    await mkdir(dirname(temp), { recursive: true });
    await mkdir(dirname(target), { recursive: true });
    try {
      await write(temp);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  private pathOf(key: string): string {
    if (key.split('/').some((part) => part === '..' || part === '')) throw new Error(`not a store key: ${key}`);
    return join(this.root, ...key.split('/'));
  }
}
