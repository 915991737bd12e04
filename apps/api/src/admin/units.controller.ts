import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UnitRepository } from '@qj/persistence';
import { UnitListDto } from './dto/admin.response.dto';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitRepository) {}

  @Get()
  @ApiOperation({ summary: '责任单位: every responsible unit with its default sectors and its number of projects' })
  @ApiOkResponse({ type: UnitListDto })
  async list() {
    return { items: await this.units.listWithProjectCounts() };
  }
}
