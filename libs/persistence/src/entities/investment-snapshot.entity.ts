import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The investment summary of one month as a bulletin froze it: one row per dimension (district, part, chapter, column,
 * sector, unit) and key, the summary's figures in `data`. Written once (`InvestmentFiguresRepository.snapshotMonth`);
 * a second call for the same month keeps the first copy, so what a published bulletin said stays what it said.
 */
@Entity('investment_snapshot')
@Check('investment_snapshot_month_ck', `month BETWEEN 1 AND 12`)
export class InvestmentSnapshotEntity {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @PrimaryColumn({ type: 'smallint' })
  month: number;

  /** district | part | chapter | column | sector | unit */
  @PrimaryColumn({ type: 'text' })
  dimension: string;

  /** 'district', the part/chapter/column number, the sector code or the unit code. */
  @PrimaryColumn({ type: 'text' })
  key: string;

  /** The row's place in the summary's order (parts, chapters and columns by number, sectors as listed, units by name). */
  @Column({ name: 'sort_order', type: 'integer' })
  sortOrder: number;

  /** The summary row as GET /api/investment/summary answered it (label, amounts, rates, lights, 开工率, 竣工率). */
  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'taken_at', type: 'timestamptz', default: () => 'now()' })
  takenAt: Date;
}
