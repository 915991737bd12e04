import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@qj/http';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApprovalDto, PreworkSummaryDto, PreworkSummaryQueryDto, ProjectApprovalsDto, UpdateApprovalDto } from './dto/prework.dto';
import { PreworkService } from './prework.service';

/** 前期手续: each project's approvals (要件) from the approvals catalogue, their owners' updates, and 前期手续办结率. */
@ApiTags('prework')
@ApiBearerAuth()
@Controller()
export class PreworkController {
  constructor(private readonly prework: PreworkService) {}

  @Get('projects/:id/approvals')
  @ApiOperation({
    summary:
      'A project’s approvals (前期手续) in order, the parallel ones sharing a group, each with its department, status (未启动/办理中/已办结/不适用), document number and date, and files; the project type and its 前期手续办结率. Owners: their own unit’s projects',
  })
  @ApiOkResponse({ type: ProjectApprovalsDto })
  @ApiProblems([403, 'outside_unit: an owner of another unit'], [404, 'no project with this id'])
  ofProject(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string) {
    return this.prework.ofProject(user, id);
  }

  @Patch('approvals/:id')
  @RequireAccess('approval.update', 'id')
  @ApiOperation({
    summary:
      'Set an approval’s status and files (owners of the unit, admins): done needs documentNo and documentDate (not after today), not_applicable a reason; not_started and in_progress clear them. fileIds, when sent, is the whole list of its files (the 批复 scan). Send the version you saw: 409 if it changed',
  })
  @ApiOkResponse({ type: ApprovalDto })
  @ApiProblems(
    [403, 'outside_unit: another unit’s project'],
    [404, 'approval_not_found'],
    [409, 'version_conflict (the body carries the approval as it is now)'],
    [422, 'target_milestone: it realises the 2030 target and cannot be 不适用'],
  )
  update(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: UpdateApprovalDto) {
    return this.prework.update(user, id, dto);
  }

  @Get('prework/summary')
  @ApiOperation({
    summary:
      '前期手续办结率 of the projects in preparation (前期研究), for the district or per part, chapter, column, sector or unit (key: the unit code): approvals required, done, 不适用 and the rate = done ÷ (required − 不适用). A project named in several chapters counts in each. Owners: their own unit’s projects, never by=district',
  })
  @ApiOkResponse({ type: PreworkSummaryDto })
  @ApiProblems([403, 'by=district asked by an owner'])
  summary(@CurrentUser() user: AuthUser, @Query() query: PreworkSummaryQueryDto) {
    return this.prework.summary(user, query.by);
  }
}
