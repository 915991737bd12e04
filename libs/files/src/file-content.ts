import exifr from 'exifr';
import FileType from 'file-type';
import sharp from 'sharp';
import { instantAt, isCalendarDate } from '@qj/domain';

/** What evidence may be: scanned approvals and permits (PDF) and site photos. */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

/** How many leading bytes the sniffer needs (file-type reads at most this far for these formats). */
export const SNIFF_BYTES = 4100;

export const THUMBNAIL_PIXELS = 320;
export const THUMBNAIL_CONTENT_TYPE = 'image/webp';

/** The type the bytes are (never the name's), when it is one evidence may be. */
export async function sniffEvidenceType(head: Buffer): Promise<EvidenceContentType | undefined> {
  const found = await FileType.fromBuffer(head);
  return (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(found?.mime ?? '') ? (found?.mime as EvidenceContentType) : undefined;
}

export function isImage(contentType: string): boolean {
  return contentType.startsWith('image/');
}

export interface CaptureFacts {
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * When and where a photo was taken, from its EXIF when it has them. DateTimeOriginal is the camera's wall clock:
 * read at its OffsetTimeOriginal when the camera wrote one, else in `timeZone` (APP_TIMEZONE: the photos are of
 * Qijiang's sites).
 */
export async function captureFactsOf(path: string, timeZone: string): Promise<CaptureFacts> {
  const tags = (await exifr
    .parse(path, {
      gps: true,
      reviveValues: false,
      pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal', 'GPSLatitude', 'GPSLongitude', 'GPSLatitudeRef', 'GPSLongitudeRef'],
    })
    .catch(() => undefined)) as Record<string, unknown> | undefined;
  const latitude = finite(tags?.latitude);
  const longitude = finite(tags?.longitude);
  const located = latitude !== null && longitude !== null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 && (latitude !== 0 || longitude !== 0);
  return {
    takenAt: wallClockInstant(tags?.DateTimeOriginal ?? tags?.CreateDate, tags?.OffsetTimeOriginal, timeZone),
    latitude: located ? latitude : null,
    longitude: located ? longitude : null,
  };
}

const finite = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** `2026:05:01 10:30:00` (EXIF's form) at an offset (`+08:00`) or else in a zone; null when it is no real time. */
export function wallClockInstant(wall: unknown, offset: unknown, timeZone: string): Date | null {
  const match = typeof wall === 'string' ? /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(wall) : null;
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const date = `${year}-${month}-${day}`;
  if (!isCalendarDate(date) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  const zoned = typeof offset === 'string' ? /^([+-])(\d{2}):(\d{2})$/.exec(offset) : null;
  if (zoned) {
    const sign = zoned[1] === '-' ? -1 : 1;
    const wallAsUtc = Date.parse(`${date}T${hour}:${minute}:${second}Z`);
    return new Date(wallAsUtc - sign * (Number(zoned[2]) * 60 + Number(zoned[3])) * 60_000);
  }
  return new Date(instantAt(date, Number(hour), Number(minute), timeZone).getTime() + Number(second) * 1000);
}

/** A WebP at most 320 px on its longer side, turned upright by its EXIF orientation; never larger than the image. */
export function thumbnailOf(image: Buffer): Promise<Buffer> {
  return sharp(image, { limitInputPixels: 100_000_000 })
    .rotate()
    .resize(THUMBNAIL_PIXELS, THUMBNAIL_PIXELS, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
}
