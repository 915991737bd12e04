import { Controller, Get, Query } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Env } from '@qj/config';
import { addDays, isoWeekOf, todayIn } from '@qj/domain';
import { ProjectReadRepository, ROLLUP_DIMENSIONS, RollupDimensionName, RollupRepository } from '@qj/persistence';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RollupHistoryDto, RollupListDto, RollupTrendDto } from './dto/rollup.response.dto';

const by = { message: `by 必须是以下之一：${ROLLUP_DIMENSIONS.join('、')}` };

export class RollupQueryDto {
  @ApiPropertyOptional({ enum: ROLLUP_DIMENSIONS, enumName: 'RollupDimension', default: 'chapter' })
  @IsOptional()
  @IsIn(ROLLUP_DIMENSIONS, by)
  by: RollupDimensionName = 'chapter';
}

export class RollupHistoryQueryDto extends RollupQueryDto {
  @ApiProperty({ maxLength: 64, description: 'the chapter/column/part number, sector code or unit id' })
  @IsString({ message: 'key 必须填写' })
  @MaxLength(64, { message: 'key 不能超过 64 个字符' })
  key: string;
}

@ApiTags('rollups')
@ApiBearerAuth()
@Controller('rollups')
export class RollupsController {
  constructor(
    private readonly rollups: RollupRepository,
    private readonly projects: ProjectReadRepository,
    private readonly config: ConfigService<Env, true>,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Per part, chapter, column, sector or unit: projects per stage against the 2030 targets, RAG, overdue milestones, stale projects, pending requests; with last week’s snapshot. `multiCounted`: projects counted under more than one key (so the items add up to more than the projects)',
  })
  @ApiOkResponse({ type: RollupListDto })
  async list(@Query() query: RollupQueryDto) {
    const lastWeek = isoWeekOf(addDays(todayIn(this.config.get('APP_TIMEZONE', { infer: true })), -7)).key;
    const [items, previous, multiCounted] = await Promise.all([this.rollups.list(query.by), this.rollups.snapshotOf(query.by, lastWeek), this.projects.multiCounted()]);
    return {
      by: query.by,
      lastWeek,
      multiCounted: multiCounted[query.by as keyof typeof multiCounted] ?? 0,
      items: items.map((item) => ({ ...item, lastWeek: previous.get(item.key) ?? null })),
    };
  }

  @Get('trend')
  @ApiOperation({ summary: "The district's weekly totals from the snapshots, oldest first: projects per stage, RAG, overdue milestones, stale projects, pending requests" })
  @ApiOkResponse({ type: RollupTrendDto })
  async trend() {
    return { items: await this.rollups.districtTrend() };
  }

  @Get('history')
  @ApiOperation({ summary: 'The weekly snapshots of one roll-up, oldest first: the trend' })
  @ApiOkResponse({ type: RollupHistoryDto })
  async history(@Query() query: RollupHistoryQueryDto) {
    return { by: query.by, key: query.key, items: await this.rollups.history(query.by, query.key) };
  }
}
