import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The demo history (演示数据) while it is loaded: at most one row (id 1), so a second load fails on the key. It records
 * what `npm run demo:clear` needs to remove exactly what the demo made: the demo users (every change the demo made is
 * theirs), the highest id of each table the workers append to when the load began, and the project and milestone rows
 * as they were (the demo moves stages and dates; clearing puts them back).
 */
@Entity('demo_run')
@Check('demo_run_one_ck', `id = 1`)
@Check('demo_run_status_ck', `"status" IN ('loading', 'loaded')`)
export class DemoRunEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  /** loading: the services are writing it (the banner shows already); loaded: done. */
  @Column({ type: 'text' })
  status: 'loading' | 'loaded';

  /** The seed of the history's random choices: the same seed on the same catalog and day makes the same history. */
  @Column({ type: 'integer' })
  seed: number;

  /** The admin who loaded it from the console; null from the command line. */
  @Column({ name: 'loaded_by', type: 'uuid', nullable: true })
  loadedBy: string | null;

  @Column({ name: 'user_ids', type: 'uuid', array: true })
  userIds: string[];

  /** `{ table: highest id }` of the append-only tables when the load began. */
  @Column({ type: 'jsonb' })
  watermarks: Record<string, string>;

  /** Every project and milestone row as it was before the load (`to_jsonb` of each). */
  @Column({ type: 'jsonb' })
  projects: unknown[];

  @Column({ type: 'jsonb' })
  milestones: unknown[];

  @CreateDateColumn({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt: Date;
}
