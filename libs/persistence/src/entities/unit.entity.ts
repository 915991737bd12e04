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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
