import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectEntity } from './project.entity';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';

/**
 * A problem of the 问题清单: raised by a project's owners, assigned by a reviewer to the unit that can solve it with a
 * due date, answered in its thread (problem_reply), closed (销号) or reopened by a reviewer. `version` rises with each
 * change of status or assignment, for the audit trail and for the console to notice a change.
 */
@Entity('problem')
@Check('problem_category_ck', `"category" IN ('land', 'demolition', 'funding', 'approval', 'utilities', 'planning', 'other')`)
@Check('problem_status_ck', `"status" IN ('open', 'assigned', 'closed')`)
// Assigned means a unit and a due date; a closed problem keeps them when it had them.
@Check('problem_assigned_ck', `"status" <> 'assigned' OR ("assigned_unit_id" IS NOT NULL AND "due_date" IS NOT NULL)`)
@Check('problem_closed_ck', `("status" = 'closed') = ("closed_at" IS NOT NULL)`)
@Index('problem_project_idx', ['projectId', 'createdAt'])
@Index('problem_assigned_unit_idx', ['assignedUnitId', 'status'])
@Index('problem_status_due_idx', ['status', 'dueDate'])
export class ProblemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  /** land | demolition | funding | approval | utilities | planning | other (用地 … 其他) */
  @Column({ type: 'text' })
  category: string;

  /** By when the project needs it solved (the owners' ask). */
  @Column({ name: 'needed_by', type: 'date' })
  neededBy: string;

  /** open | assigned | closed */
  @Column({ type: 'text', default: 'open' })
  status: string;

  /** The unit that can solve it (交办单位), set by a reviewer. */
  @Column({ name: 'assigned_unit_id', type: 'uuid', nullable: true })
  assignedUnitId: string | null;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_unit_id' })
  assignedUnit?: UnitEntity | null;

  /** The reply the DRC demands by (办结时限); past it and not closed, the problem is overdue. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'raised_by', type: 'uuid', nullable: true })
  raisedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'raised_by' })
  raiser?: UserEntity;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ name: 'assigned_by', type: 'uuid', nullable: true })
  assignedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assigned_by' })
  assigner?: UserEntity;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'closed_by' })
  closer?: UserEntity;

  /** 销号说明. */
  @Column({ name: 'close_note', type: 'text', nullable: true })
  closeNote: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/**
 * One message of a problem's thread: the assigned unit's answer, the raising owners' follow-up, a reviewer's remark.
 * Its own uuid, so evidence files can link to the reply they were sent with.
 */
@Entity('problem_reply')
@Index('problem_reply_problem_idx', ['problemId', 'createdAt'])
export class ProblemReplyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'problem_id', type: 'uuid' })
  problemId: string;

  @ManyToOne(() => ProblemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'problem_id' })
  problem?: ProblemEntity;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  /** The name as it was when written (the thread reads the same after a rename). */
  @Column({ name: 'author_name', type: 'text' })
  authorName: string;

  /** The author's unit when written (null for the DRC's reviewers and admins without one). */
  @Column({ name: 'author_unit_id', type: 'uuid', nullable: true })
  authorUnitId: string | null;

  @Column({ type: 'text' })
  text: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
