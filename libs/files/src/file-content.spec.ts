import sharp from 'sharp';
import { sniffEvidenceType, thumbnailOf, wallClockInstant } from './file-content';
import { blobKey, thumbnailKey } from './file-store';
import { fileStoreFor } from './file-store.factory';
import { FolderFileStore } from './folder-file-store';
import { S3FileStore } from './s3-file-store';

describe('evidence file content', () => {
  it('reads EXIF wall-clock times at their own offset, else in the zone given; nonsense is no time', () => {
    expect(wallClockInstant('2026:05:01 10:30:00', undefined, 'Asia/Shanghai')?.toISOString()).toBe('2026-05-01T02:30:00.000Z');
    expect(wallClockInstant('2026:05:01 10:30:00', '+09:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-05-01T01:30:00.000Z');
    expect(wallClockInstant('2026:05:01 10:30:00', '-03:30', 'Asia/Shanghai')?.toISOString()).toBe('2026-05-01T14:00:00.000Z');
    for (const wall of ['0000:00:00 00:00:00', '2026:02:30 10:00:00', '2026:05:01 25:00:00', '', 42, undefined]) {
      expect(wallClockInstant(wall, undefined, 'Asia/Shanghai')).toBeNull();
    }
  });

  it('sniffs the type from the bytes, and refuses what evidence may not be', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    expect(await sniffEvidenceType(png)).toBe('image/png');
    expect(await sniffEvidenceType(Buffer.from('%PDF-1.7\n%%EOF\n'))).toBe('application/pdf');
    expect(await sniffEvidenceType(Buffer.from('plain text, named whatever.pdf'))).toBeUndefined();
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect(await sniffEvidenceType(gif)).toBeUndefined();
  });

  it('thumbnails are WebP within 320 px, never enlarged', async () => {
    const wide = await sharp({ create: { width: 1000, height: 250, channels: 3, background: '#333' } })
      .jpeg()
      .toBuffer();
    expect(await sharp(await thumbnailOf(wide)).metadata()).toMatchObject({ format: 'webp', width: 320, height: 80 });
    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#333' } })
      .png()
      .toBuffer();
    expect(await sharp(await thumbnailOf(small)).metadata()).toMatchObject({ width: 40, height: 30 });
  });

  it('keys are content addressed; FILE_STORAGE_URL picks the store', () => {
    const sha = 'ab'.repeat(32);
    expect(blobKey(sha)).toBe(`blobs/ab/ab/${sha}`);
    expect(thumbnailKey(sha)).toBe(`thumbnails/ab/${sha}.webp`);
    expect((fileStoreFor(undefined, '/srv/var') as FolderFileStore).root).toBe('/srv/var/files');
    expect((fileStoreFor('file:///data/evidence', 'var') as FolderFileStore).root).toBe('/data/evidence');
    const s3 = fileStoreFor('s3://evidence?endpoint=http://minio:9000&region=cn-southwest-1', 'var') as S3FileStore;
    expect(s3.location).toEqual({ bucket: 'evidence', endpoint: 'http://minio:9000', region: 'cn-southwest-1' });
    s3.close();
  });
});
