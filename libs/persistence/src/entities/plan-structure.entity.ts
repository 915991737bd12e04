import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** 篇 — a part of the plan outline. */
@Entity('plan_part')
export class PlanPartEntity {
  @PrimaryColumn({ type: 'smallint' })
  no: number;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  title: string;
}

/** 章 — a chapter, numbered through the whole plan. */
@Entity('plan_chapter')
export class PlanChapterEntity {
  @PrimaryColumn({ type: 'smallint' })
  no: number;

  @Column({ name: 'part_no', type: 'smallint' })
  partNo: number;

  @ManyToOne(() => PlanPartEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'part_no' })
  part?: PlanPartEntity;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  title: string;
}

/** 节 — a section, numbered within its chapter. */
@Entity('plan_section')
@Index(['chapterNo', 'no'], { unique: true })
export class PlanSectionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'chapter_no', type: 'smallint' })
  chapterNo: number;

  @ManyToOne(() => PlanChapterEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chapter_no' })
  chapter?: PlanChapterEntity;

  @Column({ type: 'smallint' })
  no: number;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  title: string;
}

/** 专栏 — a boxed list standing in a chapter (and usually a section). */
@Entity('plan_column')
export class PlanColumnEntity {
  @PrimaryColumn({ type: 'smallint' })
  no: number;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'chapter_no', type: 'smallint' })
  chapterNo: number;

  @ManyToOne(() => PlanChapterEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chapter_no' })
  chapter?: PlanChapterEntity;

  @Column({ name: 'section_no', type: 'smallint', nullable: true })
  sectionNo: number | null;
}

/** A numbered item inside a column, e.g. `1．铁路`. */
@Entity('plan_column_item')
export class PlanColumnItemEntity {
  @PrimaryColumn({ name: 'column_no', type: 'smallint' })
  columnNo: number;

  @PrimaryColumn({ type: 'smallint' })
  no: number;

  @ManyToOne(() => PlanColumnEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'column_no' })
  column?: PlanColumnEntity;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  title: string;
}
