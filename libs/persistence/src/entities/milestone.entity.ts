import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProjectEntity } from './project.entity';

/** A project milestone (里程碑) with its baseline, forecast and actual dates (calendar dates in Asia/Shanghai). */
@Entity('milestone')
@Index('milestone_project_code_uq', ['projectId', 'code'], { unique: true })
@Check('milestone_kind_ck', `kind IN ('milestone', 'approval')`)
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  /** Template code, e.g. construction_permit (施工许可). */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** The stage the milestone belongs to: study | start | complete. */
  @Column({ type: 'text' })
  stage: string;

  @Column({ name: 'sort_order', type: 'smallint' })
  sortOrder: number;

  /** True for the milestone that realises the plan's 2030 target. */
  @Column({ name: 'realises_target', type: 'boolean', default: false })
  realisesTarget: boolean;

  @Column({ name: 'baseline_date', type: 'date', nullable: true })
  baselineDate: string | null;

  @Column({ name: 'forecast_date', type: 'date', nullable: true })
  forecastDate: string | null;

  @Column({ name: 'actual_date', type: 'date', nullable: true })
  actualDate: string | null;

  /** pending | done | not_applicable (不适用: settled without being done, with a reason). */
  @Column({ type: 'text', default: 'pending' })
  status: string;

  /** Why the owner marked it 不适用; null unless status is not_applicable. */
  @Column({ name: 'not_applicable_reason', type: 'text', nullable: true })
  notApplicableReason: string | null;

  /** approval: a 前期手续 (要件) of the project's type, from the approvals catalogue; milestone: any other step. */
  @Column({ type: 'text', default: 'milestone' })
  kind: string;

  /** An approval's approving department (审批部门), as the catalogue names it. */
  @Column({ type: 'text', nullable: true })
  department: string | null;

  /** Approvals sharing a group may be handled at the same time (并联审批). */
  @Column({ name: 'parallel_group', type: 'text', nullable: true })
  parallelGroup: string | null;

  /** An approval's document number (批复文号); its date is `actualDate`, so 已办结 and done stay one fact. */
  @Column({ name: 'document_no', type: 'text', nullable: true })
  documentNo: string | null;

  /** 办理中: an open approval under way (status stays pending, so overdue and the guards read it as open). */
  @Column({ name: 'in_progress', type: 'boolean', default: false })
  inProgress: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
