import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 责任单位 — a responsible unit; owners belong to one and edit only its projects. */
@Entity('unit')
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Sectors whose projects this unit receives by default on import. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  /** false: 停用 — offered to no new user; only a unit with no enabled user and no project may be disabled. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
