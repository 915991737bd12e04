import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLLUP_DIMENSIONS } from '@qj/persistence';
import { dateTime, int } from '../../catalog/dto/project.response.dto';

const dimension = { enum: ROLLUP_DIMENSIONS, enumName: 'RollupDimension' } as const;

/** Projects per stage (the current one). */
export class StageCountsDto {
  @ApiProperty(int) study: number;
  @ApiProperty(int) start: number;
  @ApiProperty(int) complete: number;
  @ApiProperty(int) on_hold: number;
  @ApiProperty(int) cancelled: number;
}

/** Projects per 2030 target (targets), or per target reached (reached). */
export class TargetCountsDto {
  @ApiProperty(int) study: number;
  @ApiProperty(int) start: number;
  @ApiProperty(int) complete: number;
}

export class RagCountsDto {
  @ApiProperty(int) green: number;
  @ApiProperty(int) amber: number;
  @ApiProperty(int) red: number;
}

/** 前期手续 of the projects in preparation under the key. */
export class RollupPreworkDto {
  @ApiProperty(int) required: number;
  @ApiProperty(int) done: number;
  @ApiProperty(int) notApplicable: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 66.67,
    description: '前期手续办结率 = done ÷ (required − notApplicable) × 100; null when nothing is left to require',
  })
  rate: number | null;
}

/** A roll-up's numbers as the weekly snapshot kept them. */
export class RollupSnapshotDataDto {
  @ApiProperty() label: string;
  @ApiProperty(int) total: number;
  @ApiProperty({ type: StageCountsDto }) byStage: StageCountsDto;
  @ApiProperty({ type: TargetCountsDto }) targets: TargetCountsDto;
  @ApiProperty({ type: TargetCountsDto }) reached: TargetCountsDto;
  @ApiProperty({ type: RagCountsDto }) rag: RagCountsDto;
  @ApiProperty(int) overdueMilestones: number;
  @ApiProperty(int) staleProjects: number;
  @ApiProperty(int) pendingRequests: number;
  @ApiPropertyOptional({ type: RollupPreworkDto, description: 'absent from snapshots taken before 前期手续 were tracked' }) prework?: RollupPreworkDto;
  @ApiProperty(dateTime) computedAt: string;
}

/** One part, chapter, column, sector or unit, as the workers keep it. */
export class RollupRowDto {
  @ApiProperty(dimension) dimension: string;
  @ApiProperty({ description: 'chapter/column/part number, sector code or unit id: what the project list filters by' }) key: string;
  @ApiProperty({ example: '第五章 强化区域协作联动' }) label: string;
  @ApiProperty(int) sortOrder: number;
  @ApiProperty(int) total: number;
  @ApiProperty({ type: StageCountsDto }) byStage: StageCountsDto;
  @ApiProperty({ type: TargetCountsDto }) targets: TargetCountsDto;
  @ApiProperty({ type: TargetCountsDto }) reached: TargetCountsDto;
  @ApiProperty({ type: RagCountsDto }) rag: RagCountsDto;
  @ApiProperty(int) overdueMilestones: number;
  @ApiProperty(int) staleProjects: number;
  @ApiProperty(int) pendingRequests: number;
  @ApiProperty({ type: RollupPreworkDto }) prework: RollupPreworkDto;
  @ApiProperty(dateTime) computedAt: string;
  @ApiProperty({ type: RollupSnapshotDataDto, nullable: true, description: 'last week’s snapshot of this key, if any' }) lastWeek: RollupSnapshotDataDto | null;
}

export class RollupListDto {
  @ApiProperty(dimension) by: string;
  @ApiProperty({ example: '2026-W47', description: 'the ISO week of the snapshot compared against' }) lastWeek: string;
  @ApiProperty({ ...int, description: 'projects counted under more than one key, so the items add up to more than the projects' }) multiCounted: number;
  @ApiProperty({ type: [RollupRowDto] }) items: RollupRowDto[];
}

/** One week of the district's totals. */
export class DistrictWeekDto {
  @ApiProperty({ example: '2026-W47' }) week: string;
  @ApiProperty({ example: '第47周（11月16日—22日）', description: 'the week as the mails name it, in the language Accept-Language asks for' })
  weekLabel: string;
  @ApiProperty(int) total: number;
  @ApiProperty({ type: StageCountsDto }) byStage: StageCountsDto;
  @ApiProperty({ type: RagCountsDto }) rag: RagCountsDto;
  @ApiProperty(int) overdueMilestones: number;
  @ApiProperty(int) staleProjects: number;
  @ApiProperty(int) pendingRequests: number;
}

export class RollupTrendDto {
  @ApiProperty({ type: [DistrictWeekDto] }) items: DistrictWeekDto[];
}

export class RollupSnapshotDto {
  @ApiProperty({ example: '2026-W47' }) week: string;
  @ApiProperty({ type: RollupSnapshotDataDto }) data: RollupSnapshotDataDto;
  @ApiProperty(dateTime) takenAt: string;
}

export class RollupHistoryDto {
  @ApiProperty(dimension) by: string;
  @ApiProperty() key: string;
  @ApiProperty({ type: [RollupSnapshotDto] }) items: RollupSnapshotDto[];
}
