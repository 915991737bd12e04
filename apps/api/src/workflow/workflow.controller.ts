import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@qj/http';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { CreateTransitionRequestDto, DecisionDto, ListTransitionRequestsQueryDto, OverrideDto, ReassignUnitDto } from './dto/transition-request.dto';
import { ApiProblems } from '../openapi/api-problems.decorator';
import {
  HistoryDto,
  OverrideResultDto,
  TransitionRequestPageDto,
  TransitionRequestViewDto,
  TransitionsDto,
  UnitReassignmentDto,
} from './dto/workflow.response.dto';
import { WorkflowService } from './workflow.service';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  @Get('projects/:id/transitions')
  @ApiOperation({
    summary:
      'The current stage and the transitions the signed-in user may request or approve now, each with its guards’ checklist (which milestones are settled, which are missing)',
  })
  @ApiOkResponse({ type: TransitionsDto })
  @ApiProblems(404)
  allowed(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string) {
    return this.workflow.allowedTransitions(user, id);
  }

  @Post('projects/:id/transition-requests')
  @RequireAccess('project.transition.request', 'id')
  @ApiOperation({ summary: 'Request a stage change with evidence (owner): 409 if not allowed now, 422 naming a failed guard or missing evidence' })
  @ApiCreatedResponse({ type: TransitionRequestViewDto })
  @ApiProblems(404, [409, 'not allowed now, a request already pending, or version_conflict'], [422, 'a guard failed, evidence or reason missing'])
  requestTransition(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string, @Body() dto: CreateTransitionRequestDto) {
    return this.workflow.requestTransition(user, id, dto);
  }

  @Get('transition-requests')
  @ApiOperation({ summary: 'Transition requests (filter status=pending for the approvals inbox); owners see their own unit only' })
  @ApiOkResponse({ type: TransitionRequestPageDto })
  listRequests(@CurrentUser() user: AuthUser, @Query() query: ListTransitionRequestsQueryDto) {
    return this.workflow.listRequests(user, query);
  }

  @Get('transition-requests/:id')
  @ApiOperation({ summary: 'One transition request (owners: their own unit’s)' })
  @ApiOkResponse({ type: TransitionRequestViewDto })
  @ApiProblems(404)
  getRequest(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string) {
    return this.workflow.getRequest(user, id);
  }

  @Post('transition-requests/:id/approve')
  @HttpCode(200)
  @RequireAccess('transition.decide', 'id')
  @ApiOperation({ summary: 'Approve (DRC reviewer; never one’s own request): the project moves to the requested stage' })
  @ApiOkResponse({ type: TransitionRequestViewDto })
  @ApiProblems(404, [409, 'request_already_decided, workflow_version_retired, or no longer allowed'], [422, 'a guard failed'])
  approve(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.workflow.decide(user, id, 'approve', dto.comment ?? null);
  }

  @Post('transition-requests/:id/reject')
  @HttpCode(200)
  @RequireAccess('transition.decide', 'id')
  @ApiOperation({ summary: 'Reject with a comment (DRC reviewer)' })
  @ApiOkResponse({ type: TransitionRequestViewDto })
  @ApiProblems(404, [409, 'request_already_decided'])
  reject(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.workflow.decide(user, id, 'reject', dto.comment ?? null);
  }

  @Post('transition-requests/:id/withdraw')
  @HttpCode(200)
  @RequireAccess('transition.withdraw', 'id')
  @ApiOperation({ summary: 'The requester withdraws a pending transition request (others: 403; decided: 409)' })
  @ApiOkResponse({ type: TransitionRequestViewDto })
  @ApiProblems(404, [409, 'request_already_decided'])
  withdraw(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.workflow.withdraw(user, id, dto.comment ?? null);
  }

  @Post('projects/:id/override')
  @HttpCode(200)
  @RequireAccess('project.override', 'id')
  @ApiOperation({ summary: 'Admin override: move a project outside the declared transitions, with a recorded reason' })
  @ApiOkResponse({ type: OverrideResultDto })
  @ApiProblems(404, [409, 'not a stage an override may move to, or version_conflict'], 422)
  override(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string, @Body() dto: OverrideDto) {
    return this.workflow.override(user, id, dto);
  }

  @Patch('projects/:id/unit')
  @RequireAccess('project.unit.reassign', 'id')
  @ApiOperation({ summary: 'Admin: reassign the responsible unit (责任单位), audited' })
  @ApiOkResponse({ type: UnitReassignmentDto })
  @ApiProblems(404, [409, 'version_conflict'])
  reassignUnit(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string, @Body() dto: ReassignUnitDto) {
    return this.workflow.reassignUnit(user, id, dto);
  }

  @Get('projects/:id/history')
  @ApiOperation({ summary: 'Every change to the project, oldest first: who, when, before and after' })
  @ApiOkResponse({ type: HistoryDto })
  @ApiProblems(404)
  history(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string) {
    return this.workflow.history(user, id);
  }
}
