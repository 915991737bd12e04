import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@qj/http';
import { CurrentUser, RequireAccess } from '../auth';
import type { AuthUser } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { UnitListDto, UnitSummaryDto } from './dto/admin.response.dto';
import { CreateUnitDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: '责任单位: every responsible unit with its default sectors, whether it is enabled, and its numbers of projects and enabled users' })
  @ApiOkResponse({ type: UnitListDto })
  list() {
    return this.units.list();
  }

  @Post()
  @RequireAccess('unit.create')
  @ApiOperation({ summary: 'Create a responsible unit (admins)' })
  @ApiCreatedResponse({ type: UnitSummaryDto, description: 'the unit, as listed' })
  @ApiProblems([403, '无权执行此操作 (admins only)'], [409, 'the code is taken (unit_code_taken)'])
  create(@CurrentUser() admin: AuthUser, @Body() body: CreateUnitDto) {
    return this.units.create(admin, body);
  }

  @Patch(':id')
  @RequireAccess('unit.update')
  @ApiOperation({
    summary: 'Rename a unit, change its sectors, disable it (停用: only when no project and no enabled user belongs to it) or enable it (admins)',
  })
  @ApiOkResponse({ type: UnitSummaryDto })
  @ApiProblems(
    [403, '无权执行此操作 (admins only)'],
    [404, 'no unit with this id'],
    [409, 'a project or an enabled user still belongs to the unit (unit_in_use)'],
  )
  update(@CurrentUser() admin: AuthUser, @Param('id', uuidParam('id', '单位编号')) id: string, @Body() body: UpdateUnitDto) {
    return this.units.update(admin, id, body);
  }
}
