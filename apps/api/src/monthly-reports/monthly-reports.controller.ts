import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { monthParam, uuidParam } from '@qj/http';
import type { Response } from 'express';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { XLSX_CONTENT_TYPE } from '../export/project-export.controller';
import { UploadedXlsx, XlsxImport, XlsxUpload } from '../import/xlsx-upload.interceptor';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiFileResponse } from '../openapi/file-response.decorator';
import { ReportGridQueryDto, ReportImportQueryDto, ReportTemplateQueryDto, ReportYearQueryDto } from './dto/monthly-report.query.dto';
import {
  MonthlyReportDto,
  ReportGridDto,
  ReportImportResultDto,
  ReportYearDto,
  ReturnMonthlyReportDto,
  SaveMonthlyReportDto,
  SubmitMonthlyReportDto,
} from './dto/monthly-report.dto';
import { MonthlyReportImportService } from './monthly-report-import.service';
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
  constructor(
    private readonly reports: MonthlyReportsService,
    private readonly imports: MonthlyReportImportService,
  ) {}

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
      dto.fileIds,
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

  @Get('monthly-reports/template.xlsx')
  @ApiOperation({ summary: '月报模板: every project of the caller’s scope for the month, prefilled with any report saved, with a 说明 sheet' })
  @ApiFileResponse(XLSX_CONTENT_TYPE, '月报-<月份>-<范围>-<日期>.xlsx')
  async template(@CurrentUser() user: AuthUser, @Query() query: ReportTemplateQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { buffer, fileName, count } = await this.imports.template(user, query.month);
    res.setHeader('X-Total-Count', String(count));
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(buffer, {
      type: XLSX_CONTENT_TYPE,
      length: buffer.length,
      disposition: `attachment; filename="monthly-reports-${query.month}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }

  @Post('monthly-reports/import')
  @RequireAccess('monthly-report.import')
  @XlsxImport({
    summary:
      'Import the filled-in report template (owners: their unit’s projects; admins; multipart field `file`, .xlsx ≤ 2 MB): every row checked like PUT; 422 with each row’s errors and nothing applied, else saved as drafts in one transaction — and all submitted with submit=true',
    ok: ReportImportResultDto,
    badRequest: 'not an .xlsx, a malformed upload (naming `file`), or a bad month (naming `month`)',
    formFields: {
      month: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'the month of rows whose 月份 is blank (or in the query)' },
    },
  })
  import(@CurrentUser() user: AuthUser, @Query() query: ReportImportQueryDto, @UploadedXlsx() upload: XlsxUpload) {
    return this.imports.import(user, upload.buffer, { queryMonth: query.month, formMonth: upload.form.month, submit: query.submit ?? false });
  }
}
