import type { Readable } from 'node:stream';

/**
 * Where the bytes of evidence files live, behind one interface: a folder (the embedded default) or an S3-compatible
 * object store (production). Keys are content addressed (`blobKey`, `thumbnailKey`), so a blob once written never
 * changes and two uploads of the same bytes share it.
 */
export interface FileStore {
  /** `folder` or `s3`, for logs and the readiness check. */
  readonly kind: 'folder' | 's3';
  /** Stores the file at `sourcePath` under `key` (replacing nothing: the key names its content). */
  putFile(key: string, sourcePath: string, size: number, contentType: string): Promise<void>;
  putBuffer(key: string, body: Buffer, contentType: string): Promise<void>;
  has(key: string): Promise<boolean>;
  /** The stored bytes, or undefined when there are none under `key`. */
  get(key: string): Promise<Readable | undefined>;
  delete(key: string): Promise<void>;
  /** Every key under `prefix` (tests and operations). */
  list(prefix: string): Promise<string[]>;
}

/** A blob's key: its SHA-256, fanned out over two directory levels so no folder holds millions of entries. */
export function blobKey(sha256: string): string {
  return `blobs/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/** The cached 320 px WebP thumbnail of an image blob. */
export function thumbnailKey(sha256: string): string {
  return `thumbnails/${sha256.slice(0, 2)}/${sha256}.webp`;
}
