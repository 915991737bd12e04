import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only record of every change: who, when, what, before and after. Never updated or deleted. */
@Entity('audit_event')
@Index('audit_event_project_idx', ['projectId', 'id'])
@Index('audit_event_actor_idx', ['actorId', 'id'])
@Index('audit_event_action_idx', ['action', 'id'])
@Index('audit_event_at_idx', ['at', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  /** For a row about a user or a unit (no project): the user's unit, or the unit itself; the log's unit filter reads it. */
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  /** project | milestone | transition_request | unit | user */
  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  /** e.g. transition.requested, transition.approved, milestone.updated, milestone.rebaselined */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
