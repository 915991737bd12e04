import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UnitEntity } from './unit.entity';
import { ProjectSourceEntity } from './project-source.entity';

/** A key project the plan names. Catalog fields come from the catalog file; `stage` and `unitId` are owned by people after import. */
@Entity('project')
@Check('project_investment_type_ck', `investment_type IN ('government', 'enterprise')`)
@Check('project_total_investment_ck', `total_investment >= 0`)
@Index('project_sector_idx', ['sector'])
@Index('project_unit_idx', ['unitId'])
@Index('project_stage_idx', ['stage'])
@Index('project_rag_idx', ['rag'])
@Index('project_plan_order_idx', ['planOrder'])
// GIN indexes written by hand in the migrations: trigrams and bigrams of `search_text`, containment on the *_nos columns.
@Index('project_search_trgm_idx', { synchronize: false })
@Index('project_search_bigrams_idx', { synchronize: false })
@Index('project_column_nos_idx', { synchronize: false })
@Index('project_chapter_nos_idx', { synchronize: false })
@Index('project_part_nos_idx', { synchronize: false })
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable catalog key: re-imports match on it. */
  @Column({ name: 'catalog_key', type: 'text', unique: true })
  catalogKey: string;

  @Column({ type: 'text' })
  name: string;

  /** Full pinyin of the name without tones or spaces (渝贵高铁 → yuguigaotie): sorts names the way Chinese readers expect. */
  @Column({ type: 'text' })
  pinyin: string;

  /** Lower-case name, full pinyin and pinyin initials, so `q` finds 渝贵高铁 by 渝贵, yuguigaotie or yggt. */
  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  @Column({ type: 'text' })
  sector: string;

  /** The approvals catalogue's project type (政府投资基础设施, 企业投资产业项目…), from the sector when first given approvals. */
  @Column({ name: 'project_type', type: 'text', nullable: true })
  projectType: string | null;

  /** What the plan wants by 2030: study | start | complete. */
  @Column({ type: 'text' })
  target: string;

  @Column({ name: 'target_ambiguous', type: 'boolean', default: false })
  targetAmbiguous: boolean;

  @Column({ name: 'target_verb', type: 'text' })
  targetVerb: string;

  /** Stage at the plan's start (2025). */
  @Column({ name: 'baseline_stage', type: 'text' })
  baselineStage: string;

  /** The plan's words that justify a baseline other than `study` (e.g. 在建). */
  @Column({ name: 'baseline_clause', type: 'text', nullable: true })
  baselineClause: string | null;

  /** Current stage: study (前期研究) | start (开工建设) | complete (建成投用) | on_hold | cancelled. */
  @Column({ type: 'text' })
  stage: string;

  /** The stage a project on hold (暂缓) left, to which it resumes. */
  @Column({ name: 'previous_stage', type: 'text', nullable: true })
  previousStage: string | null;

  /** Status light (红黄绿灯) from the milestones, with the rules that set it; refreshed on every change and daily. */
  @Column({ type: 'text', default: 'green' })
  rag: string;

  @Column({ name: 'rag_reasons', type: 'jsonb', default: () => "'[]'" })
  ragReasons: unknown[];

  /** The Asia/Shanghai date the status light was computed for. */
  @Column({ name: 'rag_on', type: 'date', nullable: true })
  ragOn: string | null;

  /** Last update by a person (milestone, request, decision): a project quiet for 30 days is stale. */
  @Column({ name: 'last_activity_at', type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: UnitEntity;

  /** Where the project is first named: its primary column, item, chapter and part (denormalised for filtering). */
  @Column({ name: 'column_no', type: 'smallint' })
  columnNo: number;

  @Column({ name: 'item_no', type: 'smallint', nullable: true })
  itemNo: number | null;

  @Column({ name: 'chapter_no', type: 'smallint' })
  chapterNo: number;

  @Column({ name: 'part_no', type: 'smallint' })
  partNo: number;

  /** Every column, chapter and part that names the project: filters match any of them, so list totals agree with plan counts. */
  @Column({ name: 'column_nos', type: 'smallint', array: true })
  columnNos: number[];

  @Column({ name: 'chapter_nos', type: 'smallint', array: true })
  chapterNos: number[];

  @Column({ name: 'part_nos', type: 'smallint', array: true })
  partNos: number[];

  /** Order of first mention in the plan, for a stable default sort. */
  @Column({ name: 'plan_order', type: 'integer' })
  planOrder: number;

  /** 项目代码 of the national 投资项目在线审批监管平台 (e.g. 2501-500110-04-01-123456); unique when set. */
  @Column({ name: 'project_code', type: 'text', nullable: true, unique: true })
  projectCode: string | null;

  /** 总投资 in 万元, exact (numeric; TypeORM hands it over as a string, never a float). */
  @Column({ name: 'total_investment', type: 'numeric', precision: 12, scale: 2, nullable: true })
  totalInvestment: string | null;

  /** government (政府投资) | enterprise (企业投资). */
  @Column({ name: 'investment_type', type: 'text', nullable: true })
  investmentType: string | null;

  /** Construction period (建设年限), first and last year. */
  @Column({ name: 'construction_start_year', type: 'smallint', nullable: true })
  constructionStartYear: number | null;

  @Column({ name: 'construction_end_year', type: 'smallint', nullable: true })
  constructionEndYear: number | null;

  /** 建设内容 in a few sentences. */
  @Column({ name: 'construction_scope', type: 'text', nullable: true })
  constructionScope: string | null;

  /** 入库纳统: the date the project was registered in the fixed-asset investment statistics; null while not yet. */
  @Column({ name: 'statistics_registered_on', type: 'date', nullable: true })
  statisticsRegisteredOn: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @OneToMany(() => ProjectSourceEntity, (source) => source.project)
  sources?: ProjectSourceEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
