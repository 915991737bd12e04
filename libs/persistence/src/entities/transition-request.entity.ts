import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectEntity } from './project.entity';

/** An owner's request to move a project to another stage, decided by a DRC reviewer. */
@Entity('transition_request')
@Index('transition_request_status_idx', ['status', 'requestedAt'])
@Index('transition_request_project_idx', ['projectId'])
// At most one pending request per project: a partial unique index written by hand in the migration.
@Index('transition_request_one_pending_uq', { synchronize: false })
export class TransitionRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ name: 'transition_id', type: 'text' })
  transitionId: string;

  /** The workflow definition version the request was filed under: it is decided by that version's rules. */
  @Column({ name: 'workflow_version', type: 'integer' })
  workflowVersion: number;

  @Column({ name: 'from_stage', type: 'text' })
  fromStage: string;

  @Column({ name: 'to_stage', type: 'text' })
  toStage: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  evidence: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** pending | approved | rejected | withdrawn */
  @Column({ type: 'text', default: 'pending' })
  status: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment: string | null;
}
