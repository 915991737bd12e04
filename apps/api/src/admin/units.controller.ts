import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UnitListDto } from './dto/admin.response.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: '责任单位: every responsible unit with its default sectors and its number of projects' })
  @ApiOkResponse({ type: UnitListDto })
  list() {
    return this.units.list();
  }
}
