import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectEntity } from './project.entity';

/**
 * A project's current annual investment plan (年度计划) for one year. Amounts are 万元 in `numeric` (strings in
 * TypeScript): summed exactly in SQL, never as floats. Every issue is also kept in `investment_plan_version`.
 */
@Entity('investment_plan')
@Check('investment_plan_amounts_ck', `planned_investment >= 0 AND original_investment >= 0`)
@Check('investment_plan_months_ck', `planned_start_month BETWEEN 1 AND 12 AND planned_completion_month BETWEEN 1 AND 12`)
@Index('investment_plan_year_idx', ['year'])
export class InvestmentPlanEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  /** 1 for the original plan; each 中期调整 adds one. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'planned_investment', type: 'numeric', precision: 12, scale: 2 })
  plannedInvestment: string;

  /** The original plan's amount, kept beside the current one: the bulletin measures against both. */
  @Column({ name: 'original_investment', type: 'numeric', precision: 12, scale: 2 })
  originalInvestment: string;

  /** Month (1–12) of this year the project is planned to start (计划开工), where it is to start this year. */
  @Column({ name: 'planned_start_month', type: 'smallint', nullable: true })
  plannedStartMonth: number | null;

  /** Month (1–12) of this year the project is planned to be completed (计划竣工/投产). */
  @Column({ name: 'planned_completion_month', type: 'smallint', nullable: true })
  plannedCompletionMonth: number | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** Every issue of an annual plan: version 1 is the original, later ones are adjustments (中期调整) with their reason. */
@Entity('investment_plan_version')
@Check('investment_plan_version_amount_ck', `planned_investment >= 0`)
@Index('investment_plan_version_uq', ['projectId', 'year', 'version'], { unique: true })
export class InvestmentPlanVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'planned_investment', type: 'numeric', precision: 12, scale: 2 })
  plannedInvestment: string;

  @Column({ name: 'planned_start_month', type: 'smallint', nullable: true })
  plannedStartMonth: number | null;

  @Column({ name: 'planned_completion_month', type: 'smallint', nullable: true })
  plannedCompletionMonth: number | null;

  /** Why the plan was adjusted; null for the original. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;
}

/**
 * A project's monthly report (月报) for `month` (YYYY-MM): investment completed that month, 形象进度 and 存在问题.
 * draft → submitted; a reviewer may return a submitted report (returned), which its owner submits again.
 * Only submitted reports count in the figures; zero is a report, not a missing one.
 */
@Entity('monthly_report')
@Check('monthly_report_month_ck', `month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
@Check('monthly_report_status_ck', `status IN ('draft', 'submitted', 'returned')`)
@Check('monthly_report_amount_ck', `completed_investment >= 0`)
@Index('monthly_report_month_idx', ['month', 'status'])
export class MonthlyReportEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ type: 'char', length: 7 })
  month: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  /** The month's year, for per-year reads and sums without string functions. */
  @Column({ type: 'smallint' })
  year: number;

  @Column({ name: 'completed_investment', type: 'numeric', precision: 12, scale: 2, default: 0 })
  completedInvestment: string;

  /** 形象进度 */
  @Column({ type: 'text', default: '' })
  progress: string;

  /** 存在问题 */
  @Column({ type: 'text', default: '' })
  problems: string;

  /** draft | submitted | returned */
  @Column({ type: 'text', default: 'draft' })
  status: string;

  /** Submitted after the due day (REPORT_DUE_DAY of the next month) at its first submission. */
  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true })
  returnedAt: Date | null;

  @Column({ name: 'returned_by', type: 'uuid', nullable: true })
  returnedBy: string | null;

  @Column({ name: 'return_comment', type: 'text', nullable: true })
  returnComment: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
