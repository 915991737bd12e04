import { ApiProperty } from '@nestjs/swagger';
import { EVIDENCE_CONTENT_TYPES } from '@qj/files';

const contentType = { enum: EVIDENCE_CONTENT_TYPES, enumName: 'EvidenceContentType', description: 'sniffed from the content, never from the name' } as const;

/** Where a photo was taken (EXIF GPS, WGS 84). */
export class FileLocationDto {
  @ApiProperty({ type: Number, minimum: -90, maximum: 90 }) latitude: number;
  @ApiProperty({ type: Number, minimum: -180, maximum: 180 }) longitude: number;
}

/** A file as the things it is attached to list it. */
export class FileRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'the name it was uploaded with' }) name: string;
  @ApiProperty({ type: 'integer', description: 'bytes' }) size: number;
  @ApiProperty(contentType) contentType: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'a photo’s capture time (EXIF), when it has one' }) takenAt: string | null;
  @ApiProperty({ type: FileLocationDto, nullable: true, description: 'a photo’s capture place (EXIF GPS), when it has one' })
  location: FileLocationDto | null;
}

/** POST /api/files: the file stored (a second upload of the same bytes is a file of its own sharing the stored content). */
export class FileDto extends FileRefDto {
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, hex' }) sha256: string;
  @ApiProperty({ format: 'uuid' }) uploadedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
}
