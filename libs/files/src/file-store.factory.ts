import { isAbsolute, join } from 'node:path';
import type { FileStore } from './file-store';
import { FolderFileStore } from './folder-file-store';
import { S3FileStore } from './s3-file-store';

/**
 * The store FILE_STORAGE_URL names: `s3://bucket?endpoint=http://minio:9000&region=us-east-1` (region defaults to
 * us-east-1, endpoint to AWS), `file:///srv/files`, or unset: the folder `<VAR_DIR>/files`.
 */
export function fileStoreFor(url: string | undefined, varDir: string): FileStore {
  if (!url) return new FolderFileStore(isAbsolute(varDir) ? join(varDir, 'files') : join(process.cwd(), varDir, 'files'));
  const parsed = new URL(url);
  if (parsed.protocol === 'file:') return new FolderFileStore(decodeURIComponent(parsed.pathname));
  if (parsed.protocol !== 's3:') throw new Error(`FILE_STORAGE_URL must be s3:// or file:// (got ${parsed.protocol})`);
  return new S3FileStore({
    bucket: parsed.hostname,
    endpoint: parsed.searchParams.get('endpoint') ?? undefined,
    region: parsed.searchParams.get('region') ?? 'us-east-1',
  });
}
