import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectEntity } from './project.entity';

/** The clause of the plan that names a project; a project named in two columns has two. */
@Entity('project_source')
@Index('project_source_clause_uq', ['projectId', 'columnNo', 'clause'], { unique: true })
export class ProjectSourceEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @ManyToOne(() => ProjectEntity, (project) => project.sources, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ type: 'smallint' })
  ordinal: number;

  @Column({ name: 'column_no', type: 'smallint' })
  columnNo: number;

  @Column({ name: 'item_no', type: 'smallint', nullable: true })
  itemNo: number | null;

  @Column({ name: 'chapter_no', type: 'smallint' })
  chapterNo: number;

  /** Exact substring of the plan text. */
  @Column({ type: 'text' })
  clause: string;

  /** The words inside `clause` that name the project, where the clause does not contain the name itself (what the UI highlights). */
  @Column({ type: 'text', nullable: true })
  mention: string | null;
}
