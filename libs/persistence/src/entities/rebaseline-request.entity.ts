import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MilestoneEntity } from './milestone.entity';

/** An owner's request to move a milestone's baseline date (re-baselining), decided by a DRC reviewer. */
@Entity('rebaseline_request')
@Index('rebaseline_request_status_idx', ['status', 'requestedAt'])
// At most one pending request per milestone: a partial unique index written by hand in the migration.
@Index('rebaseline_request_one_pending_uq', { synchronize: false })
export class RebaselineRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'milestone_id', type: 'uuid' })
  milestoneId: string;

  @ManyToOne(() => MilestoneEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id' })
  milestone?: MilestoneEntity;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'current_baseline', type: 'date', nullable: true })
  currentBaseline: string | null;

  @Column({ name: 'proposed_baseline', type: 'date' })
  proposedBaseline: string;

  @Column({ type: 'text' })
  reason: string;

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
