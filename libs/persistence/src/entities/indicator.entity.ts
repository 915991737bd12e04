import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A key indicator of column 1 (经济社会发展主要指标). Values are kept as the plan writes them, with numbers where they parse. */
@Entity('indicator')
export class IndicatorEntity {
  @PrimaryColumn({ type: 'smallint' })
  no: number;

  @Column({ type: 'text' })
  category: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  unit: string | null;

  @Column({ name: 'value_2025', type: 'text' })
  value2025: string;

  @Column({ name: 'target_2030', type: 'text' })
  target2030: string;

  @Column({ name: 'value_2025_number', type: 'numeric', nullable: true })
  value2025Number: string | null;

  @Column({ name: 'target_2030_number', type: 'numeric', nullable: true })
  target2030Number: string | null;

  /** expected (预期性) | binding (约束性). */
  @Column({ type: 'text' })
  nature: string;

  @Column({ name: 'nature_label', type: 'text' })
  natureLabel: string;

  /** The plan marks annual averages with *. */
  @Column({ name: 'annual_growth', type: 'boolean' })
  annualGrowth: boolean;
}
