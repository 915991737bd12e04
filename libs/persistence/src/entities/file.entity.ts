import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectEntity } from './project.entity';
import { UserEntity } from './user.entity';

/**
 * An uploaded evidence file (a scanned 批复 or permit, a site photo). Immutable: its bytes are the blob named by
 * `sha256` in the file store, shared by every upload of the same bytes (each upload is a row of its own, with its
 * name and uploader). Capture time and place come from a photo's EXIF when it has them.
 */
@Entity('file')
@Index('file_sha256_idx', ['sha256'])
@Check('file_sha256_ck', `sha256 ~ '^[0-9a-f]{64}$'`)
@Check('file_content_type_ck', `content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')`)
export class FileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'integer' })
  size: number;

  /** Sniffed from the bytes, never taken from the name. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  /** The name it was uploaded with, for display and downloads. */
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'taken_at', type: 'timestamptz', nullable: true })
  takenAt: Date | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;
}

/**
 * What a file is evidence of. Adding a kind is a new value here and in the check (and a migration), and one more list
 * in the owner's read. Access follows the thing's project — and for a problem and its replies, the problem too: the
 * unit it is assigned to reads them (FileRepository's READABLE).
 */
export const FILE_OWNER_KINDS = ['transition_request', 'monthly_report', 'approval', 'problem', 'problem_reply'] as const;
export type FileOwnerKind = (typeof FILE_OWNER_KINDS)[number];

/**
 * A file attached to one thing of a project: `ownerId` is the thing's id within its kind (a transition request's id,
 * a monthly report's month, an approval's milestone id, a problem's id, a reply's id). Who may read the thing's
 * project may read the file; a problem's and its replies' files also whoever the problem is assigned to.
 */
@Entity('file_attachment')
@Index('file_attachment_owner_idx', ['ownerKind', 'ownerId'])
@Index('file_attachment_project_idx', ['projectId'])
@Check('file_attachment_kind_ck', `owner_kind IN ('transition_request', 'monthly_report', 'approval', 'problem', 'problem_reply')`)
export class FileAttachmentEntity {
  @PrimaryColumn({ name: 'file_id', type: 'uuid' })
  fileId: string;

  @ManyToOne(() => FileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id' })
  file?: FileEntity;

  @PrimaryColumn({ name: 'owner_kind', type: 'text' })
  ownerKind: FileOwnerKind;

  @PrimaryColumn({ name: 'owner_id', type: 'text' })
  ownerId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ name: 'attached_by', type: 'uuid' })
  attachedBy: string;

  @CreateDateColumn({ name: 'attached_at', type: 'timestamptz' })
  attachedAt: Date;
}
