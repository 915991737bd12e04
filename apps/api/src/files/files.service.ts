import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { blobKey, captureFactsOf, FileStore, isImage, THUMBNAIL_CONTENT_TYPE, thumbnailKey, thumbnailOf } from '@qj/files';
import { DomainException, domainError, ValidationFailedException } from '@qj/http';
import { ALL_UNITS, AuditRepository, FileOwnerKind, FileReader, FileRepository, FileRow, oneUnit, type Transaction } from '@qj/persistence';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { AuthUser, canReadEverything, PERMISSIONS } from '../auth';
import type { ReceivedUpload } from './evidence-upload.interceptor';
import { InjectFileStore } from './file-store.provider';

const fileNotFound = (id: string) => domainError('file_not_found', { id });

/** What a reader may see: their own unattached uploads, and files attached to things of the projects they read. */
export function fileReaderOf(user: AuthUser): FileReader {
  if (canReadEverything(user)) return { userId: user.id, scope: ALL_UNITS };
  return { userId: user.id, scope: user.role === 'owner' && user.unitId ? oneUnit(user.unitId) : null };
}

export function fileView(file: FileRow) {
  return {
    id: file.id,
    name: file.name,
    size: file.size,
    contentType: file.contentType,
    sha256: file.sha256,
    uploadedBy: file.uploadedBy,
    createdAt: file.createdAt,
    takenAt: file.takenAt,
    location: file.latitude !== null && file.longitude !== null ? { latitude: file.latitude, longitude: file.longitude } : null,
  };
}

/**
 * Evidence files: stored once per content (the blob keyed by its SHA-256; each upload is a file row of its own, so
 * its name, uploader and access stay its own), read by those who may see what they are attached to, removed only by
 * admins. Uploads and removals of one content serialise on its lock, so a removal never takes a blob a new upload
 * has just found present.
 */
@Injectable()
export class FilesService {
  private readonly timeZone: string;

  constructor(
    private readonly files: FileRepository,
    private readonly audit: AuditRepository,
    @InjectFileStore() private readonly store: FileStore,
    config: ConfigService<Env, true>,
  ) {
    this.timeZone = config.get('APP_TIMEZONE', { infer: true });
  }

  async upload(user: AuthUser, upload: ReceivedUpload) {
    const capture = isImage(upload.contentType) ? await captureFactsOf(upload.path, this.timeZone) : { takenAt: null, latitude: null, longitude: null };
    const file = await this.files.transaction(async (tx) => {
      await this.files.lockContent(tx, upload.sha256);
      const key = blobKey(upload.sha256);
      if (!(await this.store.has(key))) await this.store.putFile(key, upload.path, upload.size, upload.contentType);
      const row = await this.files.insert(tx, {
        sha256: upload.sha256,
        size: upload.size,
        contentType: upload.contentType,
        name: upload.originalname,
        uploadedBy: user.id,
        ...capture,
      });
      await this.audit.record(tx, [
        {
          projectId: null,
          entityType: 'file',
          entityId: row.id,
          action: 'file.uploaded',
          actorId: user.id,
          actorName: user.displayName,
          before: null,
          after: { name: row.name, size: row.size, contentType: row.contentType, sha256: row.sha256 },
          comment: null,
        },
      ]);
      return row;
    });
    return fileView(file);
  }

  /** The file if the user may see it; 404 alike for a file that does not exist and one they may not see. */
  async readable(user: AuthUser, id: string): Promise<FileRow> {
    const file = await this.files.readable(id, fileReaderOf(user));
    if (!file) throw fileNotFound(id);
    return file;
  }

  async content(user: AuthUser, id: string): Promise<{ file: FileRow; body: Readable }> {
    const file = await this.readable(user, id);
    const body = await this.store.get(blobKey(file.sha256));
    if (!body) throw new Error(`the blob of file ${file.id} (${file.sha256}) is missing from the ${this.store.kind} store`);
    return { file, body };
  }

  /** A 320 px WebP of an image, made at its first request and kept in the store beside the blob. */
  async thumbnail(user: AuthUser, id: string): Promise<{ file: FileRow; body: Buffer }> {
    const file = await this.readable(user, id);
    if (!isImage(file.contentType)) throw domainError('file_no_thumbnail', { id });
    const key = thumbnailKey(file.sha256);
    const cached = await this.store.get(key);
    if (cached) return { file, body: await buffer(cached) };
    const original = await this.store.get(blobKey(file.sha256));
    if (!original) throw new Error(`the blob of file ${file.id} (${file.sha256}) is missing from the ${this.store.kind} store`);
    const body = await thumbnailOf(await buffer(original));
    await this.store.putBuffer(key, body, THUMBNAIL_CONTENT_TYPE);
    return { file, body };
  }

  /** An admin removes a file everywhere it is attached; its content goes when no other file holds it. Audited per project. */
  async remove(user: AuthUser, id: string): Promise<void> {
    await this.files.transaction(async (tx) => {
      const file = await this.files.lockForRemoval(tx, id);
      if (!file) throw fileNotFound(id);
      await this.files.lockContent(tx, file.sha256);
      const remaining = await this.files.remove(tx, file);
      const projects = [...new Set(file.attachments.map((a) => a.projectId))];
      const before = { name: file.name, size: file.size, contentType: file.contentType, sha256: file.sha256, attachments: file.attachments };
      await this.audit.record(
        tx,
        (projects.length ? projects : [null]).map((projectId) => ({
          projectId,
          entityType: 'file',
          entityId: file.id,
          action: 'file.removed',
          actorId: user.id,
          actorName: user.displayName,
          before,
          after: null,
          comment: null,
        })),
      );
      // Under the content's lock: no upload can find the blob present and then lose it.
      if (remaining === 0) await Promise.all([this.store.delete(blobKey(file.sha256)), this.store.delete(thumbnailKey(file.sha256))]);
    });
  }
}

/**
 * Files named by a request body (`fileIds`) attached to one thing of a project: each must be a file the user may
 * see (their own upload, or one already attached where they read), else 400 naming `fileIds[i]` — an unknown id and
 * another unit's file read the same. Only the roles that upload files attach them: a leader (区领导) reads every
 * file but writes only comments (403 naming the field).
 */
@Injectable()
export class Attachments {
  constructor(private readonly files: FileRepository) {}

  async assertAttachable(tx: Transaction, user: AuthUser, ids: readonly string[], field = 'fileIds'): Promise<void> {
    if (!ids.length) return;
    if (!(PERMISSIONS['file.upload'].roles as readonly string[]).includes(user.role)) {
      throw new DomainException(
        'files_not_attachable',
        { field },
        { errors: [{ field, message: { zh: '您的角色不能附加文件', en: 'Your role may not attach files' } }] },
      );
    }
    const missing = await this.files.unreadable(tx, ids, fileReaderOf(user));
    if (missing.length) {
      throw new ValidationFailedException(
        missing.map((id) => ({ field: `${field}[${ids.indexOf(id)}]`, message: { zh: `没有编号为 ${id} 的文件`, en: `No file with id ${id}` } })),
      );
    }
  }

  attachedIds(tx: Transaction, kind: FileOwnerKind, ownerId: string, projectId: string): Promise<string[]> {
    return this.files.attachedIds(tx, kind, ownerId, projectId);
  }

  set(tx: Transaction, user: AuthUser, owner: { kind: FileOwnerKind; ownerId: string; projectId: string }, ids: readonly string[]): Promise<void> {
    return this.files.setAttachments(tx, owner, ids, user.id);
  }
}
