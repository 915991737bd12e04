import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FileOwnerKind } from '../entities/file.entity';
import { problemInUnitSql } from '../rules.sql';
import { managerOf, Transaction, transactionOf } from './transaction';
import { UnitScope, unitOfScope } from './unit-scope';

export interface FileRow {
  id: string;
  sha256: string;
  size: number;
  contentType: string;
  name: string;
  uploadedBy: string;
  createdAt: Date;
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
}

/** A file as the things it is attached to list it. */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  contentType: string;
  takenAt: string | null;
  location: { latitude: number; longitude: number } | null;
}

/**
 * Who reads: their own uploads while unattached, and files attached to a thing of a project within `scope`
 * (null: no project at all, as for an owner without a unit).
 */
export interface FileReader {
  userId: string;
  scope: UnitScope | null;
}

export interface NewFile {
  sha256: string;
  size: number;
  contentType: string;
  name: string;
  uploadedBy: string;
  takenAt: Date | null;
  latitude: number | null;
  longitude: number | null;
}

const FILE_COLUMNS = `f.id, f.sha256, f.size, f.content_type AS "contentType", f.name, f.uploaded_by AS "uploadedBy", f.created_at AS "createdAt",
  f.taken_at AS "takenAt", f.latitude, f.longitude`;

/**
 * The files attached to one thing, as a JSON array in upload order (a column of the thing's own query):
 * `ownerId` and `projectId` are SQL expressions of that query.
 */
export function attachedFilesSql(kind: FileOwnerKind, ownerId: string, projectId: string): string {
  return `COALESCE((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'size', f.size, 'contentType', f.content_type,
      'takenAt', to_char(f.taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
      'location', CASE WHEN f.latitude IS NULL THEN NULL ELSE json_build_object('latitude', f.latitude, 'longitude', f.longitude) END)
      ORDER BY f.created_at, f.id)
    FROM file_attachment fa JOIN file f ON f.id = fa.file_id
    WHERE fa.owner_kind = '${kind}' AND fa.owner_id = ${ownerId} AND fa.project_id = ${projectId}), '[]'::json)`;
}

/**
 * The problem an attachment `a` belongs to, for a problem's and a reply's files (null for the other kinds; the CASE
 * keeps the other kinds' owner ids, such as a month, from being read as uuids).
 */
const PROBLEM_OF_ATTACHMENT = `CASE a.owner_kind WHEN 'problem' THEN a.owner_id::uuid
    WHEN 'problem_reply' THEN (SELECT r.problem_id FROM problem_reply r WHERE r.id = a.owner_id::uuid) END`;

/**
 * The reader's condition on `f` ($2: the user, $3: the unit or null for all, $4: whether any project is in scope): the
 * thing's project is in scope, or — for a problem and its replies — the problem is (the unit it is assigned to reads
 * it without reading the project).
 */
const READABLE = `(
  (f.uploaded_by = $2 AND NOT EXISTS (SELECT 1 FROM file_attachment a WHERE a.file_id = f.id))
  OR ($4 AND EXISTS (SELECT 1 FROM file_attachment a JOIN project p ON p.id = a.project_id
                     WHERE a.file_id = f.id AND ($3::uuid IS NULL OR p.unit_id = $3
                       OR (a.owner_kind IN ('problem', 'problem_reply')
                           AND EXISTS (SELECT 1 FROM problem pr WHERE pr.id = (${PROBLEM_OF_ATTACHMENT}) AND ${problemInUnitSql('pr', 'p', '$3')}))))))`;

function readerParams(reader: FileReader): [string, string | null, boolean] {
  return [reader.userId, reader.scope ? unitOfScope(reader.scope) : null, reader.scope !== null];
}

/** Evidence files and their attachments. A file's bytes are in the file store; this is what is known of them. */
@Injectable()
export class FileRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(transactionOf(manager)));
  }

  /** Serialises the uploads and removals of one content, so a blob is never removed while a new row comes to need it. */
  async lockContent(tx: Transaction, sha256: string): Promise<void> {
    await managerOf(tx).query(`SELECT pg_advisory_xact_lock(hashtext('file'), hashtext($1))`, [sha256]);
  }

  async insert(tx: Transaction, file: NewFile): Promise<FileRow> {
    const [row] = await managerOf(tx).query(
      `INSERT INTO file AS f (sha256, size, content_type, name, uploaded_by, taken_at, latitude, longitude)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${FILE_COLUMNS}`,
      [file.sha256, file.size, file.contentType, file.name, file.uploadedBy, file.takenAt, file.latitude, file.longitude],
    );
    return row;
  }

  /** The file if `reader` may see it; undefined whether it does not exist or is not theirs to see. */
  async readable(id: string, reader: FileReader): Promise<FileRow | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${FILE_COLUMNS} FROM file f WHERE f.id = $1 AND ${READABLE}`, [id, ...readerParams(reader)]);
    return row;
  }

  /** Of `ids`, those `reader` may not see (or that do not exist), in the order given. */
  async unreadable(tx: Transaction, ids: readonly string[], reader: FileReader): Promise<string[]> {
    if (!ids.length) return [];
    const rows: Array<{ id: string }> = await managerOf(tx).query(`SELECT f.id FROM file f WHERE f.id = ANY($1::uuid[]) AND ${READABLE}`, [
      ids,
      ...readerParams(reader),
    ]);
    const seen = new Set(rows.map((row) => row.id));
    return ids.filter((id) => !seen.has(id));
  }

  /** The ids attached to one thing now. */
  async attachedIds(tx: Transaction, kind: FileOwnerKind, ownerId: string, projectId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await managerOf(tx).query(
      `SELECT fa.file_id AS id FROM file_attachment fa JOIN file f ON f.id = fa.file_id
       WHERE fa.owner_kind = $1 AND fa.owner_id = $2 AND fa.project_id = $3 ORDER BY f.created_at, f.id`,
      [kind, ownerId, projectId],
    );
    return rows.map((row) => row.id);
  }

  /** Makes `ids` exactly the files attached to one thing (adding and detaching as needed). */
  async setAttachments(tx: Transaction, owner: { kind: FileOwnerKind; ownerId: string; projectId: string }, ids: readonly string[], actorId: string) {
    const db = managerOf(tx);
    await db.query(`DELETE FROM file_attachment WHERE owner_kind = $1 AND owner_id = $2 AND project_id = $3 AND NOT (file_id = ANY($4::uuid[]))`, [
      owner.kind,
      owner.ownerId,
      owner.projectId,
      ids,
    ]);
    if (!ids.length) return;
    await db.query(
      `INSERT INTO file_attachment (file_id, owner_kind, owner_id, project_id, attached_by)
       SELECT id, $2, $3, $4, $5 FROM unnest($1::uuid[]) AS id
       ON CONFLICT DO NOTHING`,
      [ids, owner.kind, owner.ownerId, owner.projectId, actorId],
    );
  }

  /** The file, locked for its removal, with the projects it is attached to. */
  async lockForRemoval(
    tx: Transaction,
    id: string,
  ): Promise<(FileRow & { attachments: Array<{ kind: string; ownerId: string; projectId: string }> }) | undefined> {
    const [row] = await managerOf(tx).query(
      `SELECT ${FILE_COLUMNS},
              COALESCE((SELECT json_agg(json_build_object('kind', a.owner_kind, 'ownerId', a.owner_id, 'projectId', a.project_id) ORDER BY a.attached_at)
                        FROM file_attachment a WHERE a.file_id = f.id), '[]'::json) AS attachments
       FROM file f WHERE f.id = $1 FOR UPDATE OF f`,
      [id],
    );
    return row;
  }

  /** Deletes the file (its attachments go with it) and says how many files still hold its content. */
  async remove(tx: Transaction, file: { id: string; sha256: string }): Promise<number> {
    const db = managerOf(tx);
    await db.query(`DELETE FROM file WHERE id = $1`, [file.id]);
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM file WHERE sha256 = $1`, [file.sha256]);
    return count;
  }
}
