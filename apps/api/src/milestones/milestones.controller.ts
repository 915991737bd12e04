import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@qj/http';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { DecisionDto, ListTransitionRequestsQueryDto } from '../workflow/dto/transition-request.dto';
import { MilestoneDto, MilestoneListDto, RebaselineRequestPageDto, RebaselineRequestViewDto, UpdatedMilestoneDto } from './dto/milestone.response.dto';
import { MarkApplicableDto, MarkNotApplicableDto, RebaselineRequestDto, UpdateMilestoneDto } from './dto/update-milestone.dto';
import { MilestonesService } from './milestones.service';
import { RebaselineService } from './rebaseline.service';

/** A project's milestones: owners' date updates and 不适用, re-baselining asked by owners and decided by the DRC. */
@ApiTags('milestones')
@ApiBearerAuth()
@Controller()
export class MilestonesController {
  constructor(
    private readonly milestones: MilestonesService,
    private readonly rebaselines: RebaselineService,
  ) {}

  @Get('projects/:id/milestones')
  @ApiOperation({ summary: "A project's milestones with baseline, forecast and actual dates" })
  @ApiOkResponse({ type: MilestoneListDto })
  @ApiProblems(404)
  listMilestones(@Param('id', uuidParam('id', '项目编号')) id: string) {
    return this.milestones.list(id);
  }

  @Patch('milestones/:id')
  @RequireAccess('milestone.update', 'id')
  @ApiOperation({
    summary:
      'Update forecast / actual dates (owner of the unit) or re-baseline (reviewer); send the version you saw (or If-Match): 409 if it changed. An approval (kind approval) is done or reopened only by PATCH /api/approvals/:id, with its 批复文号 and date: here its actual date is refused (422 approval_on_checklist)',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version you saw, instead of `version` in the body' })
  @ApiOkResponse({ type: UpdatedMilestoneDto })
  @ApiProblems(
    404,
    [409, 'version_conflict: the milestone changed since (the body carries it as it is now)'],
    [422, 'approval_on_checklist: an approval’s actual date, set or cleared here (naming actualDate and the route to use)'],
  )
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
  @ApiOkResponse({ type: MilestoneDto })
  @ApiProblems(404, [409, 'version_conflict, or the milestone is not pending'], [422, 'target_milestone: it realises the 2030 target'])
  markNotApplicable(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: MarkNotApplicableDto) {
    return this.milestones.markNotApplicable(user, id, dto);
  }

  @Post('milestones/:id/applicable')
  @HttpCode(200)
  @RequireAccess('milestone.settle', 'id')
  @ApiOperation({ summary: 'Reopen a milestone marked 不适用 (owner of the unit): pending again' })
  @ApiOkResponse({ type: MilestoneDto })
  @ApiProblems(404, [409, 'version_conflict, or the milestone is not marked 不适用'])
  markApplicable(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: MarkApplicableDto) {
    return this.milestones.markApplicable(user, id, dto);
  }

  @Post('milestones/:id/rebaseline-requests')
  @RequireAccess('milestone.rebaseline.request', 'id')
  @ApiOperation({ summary: 'An owner asks to move a baseline date (re-baselining); a reviewer decides' })
  @ApiCreatedResponse({ type: RebaselineRequestViewDto })
  @ApiProblems(404, [409, 'version_conflict, or the milestone is done or 不适用'])
  requestRebaseline(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: RebaselineRequestDto) {
    return this.rebaselines.request(user, id, dto);
  }

  @Get('rebaseline-requests')
  @ApiOperation({ summary: 'Re-baselining requests (status=pending for the reviewers’ inbox); owners see their own unit only' })
  @ApiOkResponse({ type: RebaselineRequestPageDto })
  listRebaselines(@CurrentUser() user: AuthUser, @Query() query: ListTransitionRequestsQueryDto) {
    return this.rebaselines.list(user, query);
  }

  @Post('rebaseline-requests/:id/approve')
  @HttpCode(200)
  @RequireAccess('rebaseline.decide', 'id')
  @ApiOperation({ summary: 'Approve a re-baselining request (reviewer): the baseline moves' })
  @ApiOkResponse({ type: RebaselineRequestViewDto })
  @ApiProblems(404, [409, 'request_already_decided'])
  approveRebaseline(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.rebaselines.decide(user, id, 'approve', dto.comment ?? null);
  }

  @Post('rebaseline-requests/:id/reject')
  @HttpCode(200)
  @RequireAccess('rebaseline.decide', 'id')
  @ApiOperation({ summary: 'Reject a re-baselining request (reviewer), with a comment' })
  @ApiOkResponse({ type: RebaselineRequestViewDto })
  @ApiProblems(404, [409, 'request_already_decided'])
  rejectRebaseline(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.rebaselines.decide(user, id, 'reject', dto.comment ?? null);
  }

  @Post('rebaseline-requests/:id/withdraw')
  @HttpCode(200)
  @RequireAccess('rebaseline.withdraw', 'id')
  @ApiOperation({ summary: 'The requester withdraws a pending re-baselining request (others: 403; decided: 409)' })
  @ApiOkResponse({ type: RebaselineRequestViewDto })
  @ApiProblems(404, [409, 'request_already_decided'])
  withdrawRebaseline(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id')) id: string, @Body() dto: DecisionDto) {
    return this.rebaselines.withdraw(user, id, dto.comment ?? null);
  }
}
