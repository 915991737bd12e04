import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ProjectEntity } from './project.entity';

/** A project milestone (里程碑) with its baseline, forecast and actual dates (calendar dates in Asia/Shanghai). */
@Entity('milestone')
@Index('milestone_project_code_uq', ['projectId', 'code'], { unique: true })
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

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
