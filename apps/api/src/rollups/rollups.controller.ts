import { Controller, Get, Header, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ROLLUP_DIMENSIONS, type RollupDimensionName } from '@qj/persistence';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { languageOf, say } from '@qj/http';
import { RollupHistoryDto, RollupListDto, RollupTrendDto } from './dto/rollup.response.dto';
import { RollupsService } from './rollups.service';

const by = say(`by 必须是以下之一：${ROLLUP_DIMENSIONS.join('、')}`, `by must be one of: ${ROLLUP_DIMENSIONS.join(', ')}`);

export class RollupQueryDto {
  @ApiPropertyOptional({ enum: ROLLUP_DIMENSIONS, enumName: 'RollupDimension', default: 'chapter' })
  @IsOptional()
  @IsIn(ROLLUP_DIMENSIONS, by)
  by: RollupDimensionName = 'chapter';
}

export class RollupHistoryQueryDto extends RollupQueryDto {
  @ApiProperty({ maxLength: 64, description: 'the chapter/column/part number, sector code or unit id' })
  @IsString(say('key 必须填写', 'key is required'))
  @MaxLength(64, say('key 不能超过 64 个字符', 'key may not exceed 64 characters'))
  key: string;
}

@ApiTags('rollups')
@ApiBearerAuth()
@Controller('rollups')
export class RollupsController {
  constructor(private readonly rollups: RollupsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Per part, chapter, column, sector or unit: projects per stage against the 2030 targets, RAG, overdue milestones, stale projects, pending requests; with last week’s snapshot. `multiCounted`: projects counted under more than one key (so the items add up to more than the projects)',
  })
  @ApiOkResponse({ type: RollupListDto })
  list(@Query() query: RollupQueryDto) {
    return this.rollups.list(query.by);
  }

  @Get('trend')
  @ApiOperation({
    summary: "The district's weekly totals from the snapshots, oldest first: projects per stage, RAG, overdue milestones, stale projects, pending requests",
  })
  @ApiOkResponse({ type: RollupTrendDto })
  @Header('Vary', 'Accept-Language')
  trend(@Headers('accept-language') acceptLanguage?: string) {
    return this.rollups.trend(languageOf(acceptLanguage));
  }

  @Get('history')
  @ApiOperation({ summary: 'The weekly snapshots of one roll-up, oldest first: the trend' })
  @ApiOkResponse({ type: RollupHistoryDto })
  history(@Query() query: RollupHistoryQueryDto) {
    return this.rollups.history(query.by, query.key);
  }
}
