import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@qj/http';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import {
  AssignProblemDto,
  ListProblemsQueryDto,
  ProblemDetailDto,
  ProblemListDto,
  ProblemNoteDto,
  ProblemSummaryDto,
  RaiseProblemDto,
  ReplyProblemDto,
} from './dto/problem.dto';
import { ProblemsService } from './problems.service';

const problemId = () => uuidParam('id', '问题编号');

/** The problem list (问题清单): raise, assign (交办), reply, close (销号), reopen; the scoped list and each problem's thread. */
@ApiTags('problems')
@ApiBearerAuth()
@Controller()
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Post('projects/:id/problems')
  @RequireAccess('problem.raise', 'id')
  @ApiOperation({
    summary:
      'Raise a problem that blocks the project (its owners; admins), with its evidence files if any: open until a reviewer assigns it; the reviewers are notified',
  })
  @ApiCreatedResponse({ type: ProblemDetailDto })
  @ApiProblems(404)
  raise(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string, @Body() dto: RaiseProblemDto) {
    return this.problems.raise(user, id, dto);
  }

  @Get('problems')
  @ApiOperation({
    summary:
      'The problem list of the caller’s scope (reviewers, admins: all; an owner: their unit’s projects’ problems and those assigned to their unit), overdue first',
  })
  @ApiOkResponse({ type: ProblemListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListProblemsQueryDto) {
    return this.problems.list(user, query);
  }

  // Before problems/:id, which would take `summary` for an id.
  @Get('problems/summary')
  @ApiOperation({
    summary:
      'The open problems of the caller’s scope (as GET /api/problems scopes them): how many, how many overdue, by category and by age (days since raised)',
  })
  @ApiOkResponse({ type: ProblemSummaryDto })
  summary(@CurrentUser() user: AuthUser) {
    return this.problems.summary(user);
  }

  @Get('problems/:id')
  @ApiOperation({
    summary:
      'One problem with its files and its thread, each reply with its files (404 outside the caller’s scope). Whoever reads the problem reads its files (GET /api/files/:id), the assigned unit too',
  })
  @ApiOkResponse({ type: ProblemDetailDto })
  @ApiProblems(404)
  get(@CurrentUser() user: AuthUser, @Param('id', problemId()) id: string) {
    return this.problems.get(user, id);
  }

  @Post('problems/:id/assign')
  @HttpCode(200)
  @RequireAccess('problem.assign')
  @ApiOperation({
    summary: 'Assign (交办) the problem to the unit that can solve it, with the date it must answer by (reviewers, admins); again to reassign',
  })
  @ApiOkResponse({ type: ProblemDetailDto })
  @ApiProblems(404, [409, 'problem_closed: reopen it first'])
  assign(@CurrentUser() user: AuthUser, @Param('id', problemId()) id: string, @Body() dto: AssignProblemDto) {
    return this.problems.assign(user, id, dto.unitId, dto.dueDate);
  }

  @Post('problems/:id/replies')
  @RequireAccess('problem.reply', 'id')
  @ApiOperation({
    summary:
      'Write in the thread, with files if any (owners of the project’s unit and of the assigned unit, reviewers, admins; leaders comment without files); the others concerned are notified',
  })
  @ApiCreatedResponse({ type: ProblemDetailDto })
  @ApiProblems(404, [403, 'files_not_attachable: a leader’s reply with fileIds'])
  reply(@CurrentUser() user: AuthUser, @Param('id', problemId()) id: string, @Body() dto: ReplyProblemDto) {
    return this.problems.reply(user, id, dto.text, dto.fileIds ?? []);
  }

  @Post('problems/:id/close')
  @HttpCode(200)
  @RequireAccess('problem.close')
  @ApiOperation({ summary: 'Close (销号) the problem with a note (reviewers, admins)' })
  @ApiOkResponse({ type: ProblemDetailDto })
  @ApiProblems(404, [409, 'problem_closed: closed already'])
  close(@CurrentUser() user: AuthUser, @Param('id', problemId()) id: string, @Body() dto: ProblemNoteDto) {
    return this.problems.close(user, id, dto.note);
  }

  @Post('problems/:id/reopen')
  @HttpCode(200)
  @RequireAccess('problem.reopen')
  @ApiOperation({ summary: 'Reopen a closed problem with a note (reviewers, admins): assigned again when it had a unit, else open' })
  @ApiOkResponse({ type: ProblemDetailDto })
  @ApiProblems(404, [409, 'problem_not_closed'])
  reopen(@CurrentUser() user: AuthUser, @Param('id', problemId()) id: string, @Body() dto: ProblemNoteDto) {
    return this.problems.reopen(user, id, dto.note);
  }
}
