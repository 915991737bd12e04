import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@qj/http';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { CreateTransitionRequestDto, DecisionDto, ListTransitionRequestsQueryDto, OverrideDto, ReassignUnitDto } from './dto/transition-request.dto';
import { MarkApplicableDto, MarkNotApplicableDto, RebaselineRequestDto, UpdateMilestoneDto } from './dto/update-milestone.dto';
import { MilestonesService, RebaselineService } from './milestones.service';
import { WorkflowService } from './workflow.service';

@ApiTags('workflow')
@ApiBearerAuth()
@Controller()
export class WorkflowController {
  constructor(
    private readonly workflow: WorkflowService,
    private readonly milestones: MilestonesService,
    private readonly rebaselines: RebaselineService,
  ) {}

  @Get('projects/:id/milestones')
  @ApiOperation({ summary: "A project's milestones with baseline, forecast and actual dates" })
  listMilestones(@Param('id', uuidParam('id', '项目编号')) id: string) {
    return this.milestones.list(id);
  }

  @Patch('milestones/:id')
  @RequireAccess('milestone.update', 'id')
  @ApiOperation({ summary: 'Update forecast / actual dates (owner of the unit) or re-baseline (reviewer); send the version you saw (or If-Match): 409 if it changed' })
  updateMilestone(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: UpdateMilestoneDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.milestones.update(user, id, dto, ifMatch);
  }

  @Post('milestones/:id/not-applicable')
  @HttpCode(200)
  @RequireAccess('milestone.settle', 'id')
  @ApiOperation({ summary: 'Mark a milestone 不适用 with a reason (owner of the unit): settled without being done; not the one that realises the 2030 target' })
  markNotApplicable(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: MarkNotApplicableDto) {
    return this.milestones.markNotApplicable(user, id, dto);
  }

  @Post('milestones/:id/applicable')
  @HttpCode(200)
  @RequireAccess('milestone.settle', 'id')
  @ApiOperation({ summary: 'Reopen a milestone marked 不适用 (owner of the unit): pending again' })
  markApplicable(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: MarkApplicableDto) {
    return this.milestones.markApplicable(user, id, dto);
  }

  @Post('milestones/:id/rebaseline-requests')
  @RequireAccess('milestone.rebaseline.request', 'id')
  @ApiOperation({ summary: 'An owner asks to move a baseline date (re-baselining); a reviewer decides' })
  requestRebaseline(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: RebaselineRequestDto) {
    return this.rebaselines.request(user, id, dto);
  }

  @Get('rebaseline-requests')
  @ApiOperation({ summary: 'Re-baselining requests (status=pending for the reviewers’ inbox); owners see their own unit only' })
  listRebaselines(@CurrentUser() user: AuthUser, @Query() query: ListTransitionRequestsQueryDto) {
    return this.rebaselines.list(user, query);
  }

  @Post('rebaseline-requests/:id/approve')
  @HttpCode(200)
  @RequireAccess('rebaseline.decide', 'id')
  approveRebaseline(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.rebaselines.decide(user, id, 'approve', dto.comment ?? null);
  }

  @Post('rebaseline-requests/:id/reject')
  @HttpCode(200)
  @RequireAccess('rebaseline.decide', 'id')
  rejectRebaseline(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.rebaselines.decide(user, id, 'reject', dto.comment ?? null);
  }

  @Post('rebaseline-requests/:id/withdraw')
  @HttpCode(200)
  @RequireAccess('rebaseline.withdraw', 'id')
  @ApiOperation({ summary: 'The requester withdraws a pending re-baselining request (others: 403; decided: 409)' })
  withdrawRebaseline(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.rebaselines.withdraw(user, id, dto.comment ?? null);
  }

  @Get('projects/:id/transitions')
  @ApiOperation({ summary: 'The current stage and the transitions the signed-in user may request or approve now, each with its guards’ checklist (which milestones are settled, which are missing)' })
  allowed(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string) {
    return this.workflow.allowedTransitions(user, id);
  }

  @Post('projects/:id/transition-requests')
  @RequireAccess('project.transition.request', 'id')
  @ApiOperation({ summary: 'Request a stage change with evidence (owner): 409 if not allowed now, 422 naming a failed guard or missing evidence' })
  requestTransition(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string, @Body() dto: CreateTransitionRequestDto) {
    return this.workflow.requestTransition(user, id, dto);
  }

  @Get('transition-requests')
  @ApiOperation({ summary: 'Transition requests (filter status=pending for the approvals inbox); owners see their own unit only' })
  listRequests(@CurrentUser() user: AuthUser, @Query() query: ListTransitionRequestsQueryDto) {
    return this.workflow.listRequests(user, query);
  }

  @Get('transition-requests/:id')
  getRequest(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string) {
    return this.workflow.getRequest(user, id);
  }

  @Post('transition-requests/:id/approve')
  @HttpCode(200)
  @RequireAccess('transition.decide', 'id')
  @ApiOperation({ summary: 'Approve (DRC reviewer; never one’s own request): the project moves to the requested stage' })
  approve(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.workflow.decide(user, id, 'approve', dto.comment ?? null);
  }

  @Post('transition-requests/:id/reject')
  @HttpCode(200)
  @RequireAccess('transition.decide', 'id')
  @ApiOperation({ summary: 'Reject with a comment (DRC reviewer)' })
  reject(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.workflow.decide(user, id, 'reject', dto.comment ?? null);
  }

  @Post('transition-requests/:id/withdraw')
  @HttpCode(200)
  @RequireAccess('transition.withdraw', 'id')
  @ApiOperation({ summary: 'The requester withdraws a pending transition request (others: 403; decided: 409)' })
  withdraw(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.workflow.withdraw(user, id, dto.comment ?? null);
  }

  @Post('projects/:id/override')
  @HttpCode(200)
  @RequireAccess('project.override', 'id')
  @ApiOperation({ summary: 'Admin override: move a project outside the declared transitions, with a recorded reason' })
  override(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string, @Body() dto: OverrideDto) {
    return this.workflow.override(user, id, dto);
  }

  @Patch('projects/:id/unit')
  @RequireAccess('project.unit.reassign', 'id')
  @ApiOperation({ summary: 'Admin: reassign the responsible unit (责任单位), audited' })
  reassignUnit(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string, @Body() dto: ReassignUnitDto) {
    return this.workflow.reassignUnit(user, id, dto);
  }

  @Get('projects/:id/history')
  @ApiOperation({ summary: 'Every change to the project, oldest first: who, when, before and after' })
  history(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string) {
    return this.workflow.history(user, id);
  }
}
