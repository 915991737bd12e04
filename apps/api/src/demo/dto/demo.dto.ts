import { ApiProperty } from '@nestjs/swagger';
import { int } from '../../catalog/dto/project.response.dto';

/** GET /api/demo: whether the demo history (演示数据) is loaded, for the banner on every page and the dashboard's button. */
export class DemoStatusDto {
  @ApiProperty({ description: 'the demo history is loaded (or being loaded): every page shows 演示数据' }) loaded: boolean;
  @ApiProperty({ enum: ['loading', 'loaded'], nullable: true, type: String }) status: 'loading' | 'loaded' | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) loadedAt: Date | null;
  @ApiProperty({ ...int, nullable: true, description: 'the seed of its random choices' }) seed: number | null;
  @ApiProperty({ description: 'it may be loaded now: nothing loaded and no activity on the tracker (an admin’s to do)' }) canLoad: boolean;
}

/** How many of each thing the demo history did. */
export class DemoActionCountsDto {
  @ApiProperty({ ...int, description: 'annual plans issued and adjusted' }) plan: number;
  @ApiProperty({ ...int, description: 'project facts (总投资, 入库纳统)' }) facts: number;
  @ApiProperty({ ...int, description: 'milestone updates' }) milestone: number;
  @ApiProperty({ ...int, description: '开工 requests approved' }) start: number;
  @ApiProperty({ ...int, description: '建成投用 requests approved' }) complete: number;
  @ApiProperty({ ...int, description: 'monthly reports saved and submitted' }) report: number;
}

/** POST /api/admin/demo: the history loaded. */
export class DemoLoadedDto {
  @ApiProperty(int) seed: number;
  @ApiProperty({ ...int, example: 2026 }) year: number;
  @ApiProperty({ ...int, description: 'the last month reported (the one before today’s)' }) lastMonth: number;
  @ApiProperty({ type: DemoActionCountsDto }) actions: DemoActionCountsDto;
  @ApiProperty({ ...int, description: 'how long the load took' }) milliseconds: number;
}

/** DELETE /api/admin/demo: what was removed (rows per table; project and milestone rows put back). */
export class DemoClearedDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { monthly_report: 2760, audit_event: 9000 } })
  removed: Record<string, number>;
  @ApiProperty({ ...int, description: 'how long the clear took' }) milliseconds: number;
}
