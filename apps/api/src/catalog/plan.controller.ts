import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CatalogService } from './catalog.service';
import { IndicatorListDto, PlanTreeDto } from './dto/plan.response.dto';

@ApiTags('plan')
@Controller()
export class PlanController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('plan')
  @ApiOperation({ summary: 'The plan tree: parts (篇) → chapters (章) → sections (节) and columns (专栏), each with its number of projects' })
  @ApiOkResponse({ type: PlanTreeDto })
  tree() {
    return this.catalog.planTree();
  }

  @Get('indicators')
  @ApiOperation({ summary: 'The 22 key indicators of column 1 (2025 value, 2030 target, 预期性/约束性, annual-growth flag)' })
  @ApiOkResponse({ type: IndicatorListDto })
  indicators() {
    return this.catalog.indicators();
  }
}
