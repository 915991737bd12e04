import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { EvidenceContentType, sniffEvidenceType, SNIFF_BYTES } from '@qj/files';
import { DomainException, domainError } from '@qj/http';
import type { Request, Response } from 'express';
import multer from 'multer';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { finalize, type Observable } from 'rxjs';

export const EVIDENCE_FIELD = 'file';
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
export const EVIDENCE_TYPES_TEXT = 'PDF、JPEG、PNG、WebP';

/** An upload as it reached the disk: where, how large, its SHA-256 and its leading bytes (for the sniffer). */
export interface ReceivedUpload {
  path: string;
  size: number;
  sha256: string;
  originalname: string;
  contentType: EvidenceContentType;
}

type StreamedFile = Express.Multer.File & { sha256: string; head: Buffer };

/**
 * Multer storage that streams the part to a temporary file while hashing it and keeping its first bytes: memory stays
 * flat whatever the size, and busboy cuts the stream at the limit (multer then removes what was written).
 */
class HashingDiskStorage implements multer.StorageEngine {
  constructor(private readonly directory: string) {}

  _handleFile(_req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<StreamedFile>) => void): void {
    const path = join(this.directory, `${randomBytes(12).toString('hex')}.upload`);
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headBytes = 0;
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        if (headBytes < SNIFF_BYTES) {
          head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
          headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
        }
        done(null, chunk);
      },
    });
    mkdir(this.directory, { recursive: true })
      .then(() => pipeline(file.stream, tap, createWriteStream(path)))
      .then(
        () => callback(null, { path, size, sha256: hash.digest('hex'), head: Buffer.concat(head) }),
        (error: unknown) => rm(path, { force: true }).finally(() => callback(error)),
      );
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    rm(file.path, { force: true }).then(
      () => callback(null),
      (error: Error) => callback(error),
    );
  }
}

const refusedWith = (refusal: DomainException) =>
  new DomainException(refusal.code, refusal.params, {
    errors: [{ field: EVIDENCE_FIELD, message: { zh: refusal.detailIn('zh'), en: refusal.detailIn('en') } }],
  });

/**
 * Receives one evidence file from the multipart field `file`: streamed to a temporary file under `<VAR_DIR>/uploads`
 * (≤ 20 MB: 413 past it, the partial file removed), hashed on the way, its type sniffed from its bytes — PDF, JPEG,
 * PNG or WebP whatever its name says (415 otherwise). The temporary file is removed once the request is answered,
 * whether the handler stored it or failed. The handler reads `request.upload` (ReceivedUpload).
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<multer.Multer['single']>;

  constructor(config: ConfigService<Env, true>) {
    const varDir = config.get('VAR_DIR', { infer: true });
    const directory = join(isAbsolute(varDir) ? varDir : join(process.cwd(), varDir), 'uploads');
    this.upload = multer({
      storage: new HashingDiskStorage(directory),
      limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 0 },
    }).single(EVIDENCE_FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { upload?: ReceivedUpload }>();
    await new Promise<void>((resolve, reject) =>
      this.upload(request, context.switchToHttp().getResponse<Response>(), (error: unknown) => (error ? reject(refusalOf(error)) : resolve())),
    );
    const file = request.file as StreamedFile | undefined;
    if (!file) throw refusedWith(domainError('evidence_missing_file', { field: EVIDENCE_FIELD, types: EVIDENCE_TYPES_TEXT }));
    const removeTemp = () => void rm(file.path, { force: true });
    const contentType = await sniffEvidenceType(file.head);
    if (!contentType) {
      removeTemp();
      throw refusedWith(domainError('file_type_unsupported', { types: EVIDENCE_TYPES_TEXT }));
    }
    request.upload = { path: file.path, size: file.size, sha256: file.sha256, originalname: nameOf(file.originalname), contentType };
    return next.handle().pipe(finalize(removeTemp));
  }
}

/**
 * The name as the user sees it: busboy hands over UTF-8 names as latin1 (multer's long-standing default), so a
 * Chinese name is decoded back; path parts and control characters are dropped.
 */
function nameOf(raw: string): string {
  const decoded = Buffer.from(raw, 'latin1').toString('utf8');
  const name = (decoded.includes('\uFFFD') ? raw : decoded)
    .split(/[\\/]/)
    .pop()
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name may not keep
    ?.replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return name || 'file';
}

const MULTER_REFUSALS: Partial<Record<multer.ErrorCode, { zh: string; en: string }>> = {
  LIMIT_FILE_COUNT: { zh: '一次只能上传一个文件', en: 'Upload one file at a time' },
  LIMIT_UNEXPECTED_FILE: { zh: `文件须放在表单字段 ${EVIDENCE_FIELD} 中，且只能有一个`, en: `The file goes in the form field ${EVIDENCE_FIELD}, one only` },
  LIMIT_FIELD_COUNT: { zh: '表单只能含一个文件字段', en: 'The form may hold only the file field' },
};

/** 413 past the limit (the partial file is already removed), else 400 naming `file`. */
function refusalOf(error: unknown): DomainException {
  if (error instanceof DomainException) return error;
  if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
    return refusedWith(domainError('file_too_large', { megabytes: MAX_EVIDENCE_BYTES / 1024 / 1024 }));
  }
  const reason = error instanceof multer.MulterError ? MULTER_REFUSALS[error.code] : undefined;
  return refusedWith(
    domainError('evidence_upload_invalid', { reason: reason ?? { zh: '上传的表单格式不正确', en: 'The upload form is malformed' }, field: EVIDENCE_FIELD }),
  );
}
