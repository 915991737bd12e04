import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ProblemEntity } from './problem.entity';
import { UnitEntity } from './unit.entity';

/**
 * An overdue problem escalated, once per (problem, level, due date): the unique index is what makes each level go
 * once, however many scans, workers and retries. A new due date (reassigned) is a new episode.
 */
@Entity('problem_escalation')
@Check('problem_escalation_level_ck', `"level" IN ('overdue', 'supervision')`)
@Index('problem_escalation_once_uq', ['problemId', 'level', 'dueDate'], { unique: true })
export class ProblemEscalationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'problem_id', type: 'uuid' })
  problemId: string;

  @ManyToOne(() => ProblemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'problem_id' })
  problem?: ProblemEntity;

  /** overdue (the day after the due date) | supervision (a 督办单) */
  @Column({ type: 'text' })
  level: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  /** The unit it was assigned to then (the owners told). */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A 督办单 (supervision notice): numbered per year without gaps (督办〔2027〕3号), its Word document rendered once with
 * the problem, the demanded reply date and the history, written with its escalation in one transaction.
 */
@Entity('supervision_notice')
@Index('supervision_notice_number_uq', ['year', 'sequence'], { unique: true })
@Index('supervision_notice_unit_idx', ['unitId', 'createdAt'])
export class SupervisionNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'escalation_id', type: 'bigint', unique: true })
  escalationId: string;

  @ManyToOne(() => ProblemEscalationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'escalation_id' })
  escalation?: ProblemEscalationEntity;

  @Column({ name: 'problem_id', type: 'uuid' })
  problemId: string;

  @ManyToOne(() => ProblemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'problem_id' })
  problem?: ProblemEntity;

  /** The unit it is sent to (the problem's assigned unit). */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  @Column({ type: 'integer' })
  year: number;

  /** 1, 2, 3 … within the year. */
  @Column({ type: 'integer' })
  sequence: number;

  /** The written reply the notice demands by. */
  @Column({ name: 'reply_by', type: 'date' })
  replyBy: string;

  @Column({ type: 'bytea' })
  document: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The last 督办单 number of each year: taking the next one locks the year's row until the notice commits, so numbers never gap or repeat. */
@Entity('supervision_sequence')
@Check('supervision_sequence_last_ck', `"last_number" > 0`)
export class SupervisionSequenceEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'last_number', type: 'integer' })
  lastNumber: number;
}
