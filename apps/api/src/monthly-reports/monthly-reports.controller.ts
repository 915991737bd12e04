import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { monthParam, uuidParam } from '@qj/http';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ReportGridQueryDto, ReportYearQueryDto } from './dto/monthly-report.query.dto';
import { MonthlyReportDto, ReportGridDto, ReportYearDto, ReturnMonthlyReportDto, SaveMonthlyReportDto, SubmitMonthlyReportDto } from './dto/monthly-report.dto';
import { MonthlyReportsService } from './monthly-reports.service';

const monthParamDoc = ApiParam({
  name: 'month',
  schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', example: '2027-03' },
  description: 'YYYY-MM, 2026-01 … 2030-12, not after the current month',
});

/** Monthly reports (月报): the owners' drafts and submissions, the DRC's returns, a project's year and the unit's month grid. */
@ApiTags('investment')
@ApiBearerAuth()
@Controller()
export class MonthlyReportsController {
  constructor(private readonly reports: MonthlyReportsService) {}

  @Put('projects/:id/monthly-reports/:month')
  @RequireAccess('monthly-report.update', 'id')
  @monthParamDoc
  @ApiOperation({
    summary:
      'Save the month’s report as a draft (owners of the unit, admins): 本月完成投资 (zero is a report), 形象进度, 存在问题; a returned report may be edited, a submitted one not (409)',
  })
  @ApiOkResponse({ type: MonthlyReportDto })
  @ApiProblems(404, [409, 'report_submitted (returned first by a reviewer), version_conflict, or month_locked: the month’s bulletin is published'])
  save(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id', '项目编号')) id: string,
    @Param('month', monthParam()) month: string,
    @Body() dto: SaveMonthlyReportDto,
  ) {
    return this.reports.save(
      user,
      id,
      month,
      { completedInvestment: dto.completedInvestment, progress: dto.progress ?? '', problems: dto.problems ?? '' },
      dto.version,
    );
  }

  @Post('projects/:id/monthly-reports/:month/submit')
  @HttpCode(200)
  @RequireAccess('monthly-report.submit', 'id')
  @monthParamDoc
  @ApiOperation({
    summary: 'Submit (报送) the saved report (owners of the unit, admins); late when first submitted after REPORT_DUE_DAY of the next month (APP_TIMEZONE)',
  })
  @ApiOkResponse({ type: MonthlyReportDto })
  @ApiProblems([404, 'project_not_found, or report_not_found: save the report first'], [409, 'report_already_submitted, version_conflict, or month_locked'])
  submit(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id', '项目编号')) id: string,
    @Param('month', monthParam()) month: string,
    @Body() dto: SubmitMonthlyReportDto,
  ) {
    return this.reports.submit(user, id, month, dto.version);
  }

  @Post('projects/:id/monthly-reports/:month/return')
  @HttpCode(200)
  @RequireAccess('monthly-report.return', 'id')
  @monthParamDoc
  @ApiOperation({ summary: 'Return (退回) a submitted report to its unit with a comment (reviewers, admins): the owners may edit and submit it again' })
  @ApiOkResponse({ type: MonthlyReportDto })
  @ApiProblems([404, 'project_not_found, or report_not_found'], [409, 'report_not_submitted, or month_locked'])
  returnReport(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id', '项目编号')) id: string,
    @Param('month', monthParam()) month: string,
    @Body() dto: ReturnMonthlyReportDto,
  ) {
    return this.reports.returnReport(user, id, month, dto.comment);
  }

  @Get('projects/:id/monthly-reports')
  @ApiOperation({ summary: 'A project’s year of reports: the twelve months, each with its report or `missing`, its due day, overdue, late, locked' })
  @ApiOkResponse({ type: ReportYearDto })
  @ApiProblems([403, 'outside_unit: an owner asked for another unit’s project'], 404)
  year(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string, @Query() query: ReportYearQueryDto) {
    return this.reports.year(user, id, query.year);
  }

  @Get('monthly-reports')
  @ApiOperation({ summary: 'The month’s grid: every project of the caller’s scope (an owner: their unit) with its report or none' })
  @ApiOkResponse({ type: ReportGridDto })
  grid(@CurrentUser() user: AuthUser, @Query() query: ReportGridQueryDto) {
    return this.reports.grid(user, query.month);
  }
}
