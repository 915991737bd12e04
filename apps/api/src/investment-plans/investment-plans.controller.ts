import { Body, Controller, Get, Param, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PLAN_YEARS } from '@qj/domain';
import { uuidParam, yearParam } from '@qj/http';
import type { Response } from 'express';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { XLSX_CONTENT_TYPE } from '../export/project-export.controller';
import { UploadedXlsx, XlsxImport, XlsxUpload } from '../import/xlsx-upload.interceptor';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiFileResponse } from '../openapi/file-response.decorator';
import { InvestmentPlanDto, InvestmentPlanVersionListDto, IssueInvestmentPlanDto } from './dto/investment-plan.dto';
import { PlanImportQueryDto, PlanImportResultDto, PlanTemplateQueryDto } from './dto/investment-plan-import.dto';
import { InvestmentPlanImportService } from './investment-plan-import.service';
import { InvestmentPlansService } from './investment-plans.service';

const yearParamDoc = ApiParam({ name: 'year', schema: { type: 'integer', minimum: PLAN_YEARS.from, maximum: PLAN_YEARS.to }, description: 'the plan year' });

/** The annual plan (年度计划): issued and adjusted (中期调整) by the DRC, per project or for the district from Excel. */
@ApiTags('investment')
@ApiBearerAuth()
@Controller()
export class InvestmentPlansController {
  constructor(
    private readonly plans: InvestmentPlansService,
    private readonly imports: InvestmentPlanImportService,
  ) {}

  @Put('projects/:id/investment-plans/:year')
  @RequireAccess('investment-plan.issue', 'id')
  @yearParamDoc
  @ApiOperation({
    summary:
      'Issue the year’s plan (reviewers, admins): the first issue is the original; other values later are an adjustment (中期调整) and need a reason; the same values again change nothing',
  })
  @ApiOkResponse({ type: InvestmentPlanDto })
  @ApiProblems(404)
  issue(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id', '项目编号')) id: string,
    @Param('year', yearParam()) year: number,
    @Body() dto: IssueInvestmentPlanDto,
  ) {
    return this.plans.issue(user, id, year, {
      plannedInvestment: dto.plannedInvestment,
      plannedStartMonth: dto.plannedStartMonth ?? null,
      plannedCompletionMonth: dto.plannedCompletionMonth ?? null,
      reason: dto.reason ?? null,
    });
  }

  @Get('projects/:id/investment-plans/:year')
  @yearParamDoc
  @ApiOperation({ summary: 'The year’s current plan with the original amount beside it (owners: their unit’s projects)' })
  @ApiOkResponse({ type: InvestmentPlanDto })
  @ApiProblems([403, 'outside_unit: an owner asked for another unit’s project'], [404, 'project_not_found, or plan_not_found: no plan issued for the year'])
  current(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string, @Param('year', yearParam()) year: number) {
    return this.plans.current(user, id, year);
  }

  @Get('projects/:id/investment-plans/:year/versions')
  @yearParamDoc
  @ApiOperation({ summary: 'Every issue of the year’s plan, oldest first: the original and each adjustment, who issued it, when and why' })
  @ApiOkResponse({ type: InvestmentPlanVersionListDto })
  @ApiProblems([403, 'outside_unit: an owner asked for another unit’s project'], 404)
  versions(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string, @Param('year', yearParam()) year: number) {
    return this.plans.versions(user, id, year);
  }

  @Get('investment-plans/template.xlsx')
  @ApiOperation({ summary: '年度计划模板: every project in the caller’s scope, prefilled with its current plan for the year, with a 说明 sheet' })
  @ApiFileResponse(XLSX_CONTENT_TYPE, '<年度>年度计划-<范围>-<日期>.xlsx')
  async template(@CurrentUser() user: AuthUser, @Query() query: PlanTemplateQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { buffer, fileName, count } = await this.imports.template(user, query.year);
    res.setHeader('X-Total-Count', String(count));
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(buffer, {
      type: XLSX_CONTENT_TYPE,
      length: buffer.length,
      disposition: `attachment; filename="investment-plans-${query.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }

  @Post('investment-plans/import')
  @RequireAccess('investment-plan.import')
  @XlsxImport({
    summary:
      'Import the filled-in plan template (reviewers, admins; multipart field `file`, .xlsx ≤ 2 MB; the year as `year` in the query or the form, else the sheet’s 年度): every row checked like PUT; 422 with each row’s errors and nothing applied, else every issue and adjustment in one transaction',
    ok: PlanImportResultDto,
    badRequest: 'not an .xlsx, a malformed upload (naming `file`), or no year (naming `year`)',
    formFields: {
      year: { type: 'integer', minimum: PLAN_YEARS.from, maximum: PLAN_YEARS.to, description: 'the plan year (or in the query, or the sheet’s 年度)' },
    },
  })
  import(@CurrentUser() user: AuthUser, @Query() query: PlanImportQueryDto, @UploadedXlsx() upload: XlsxUpload) {
    return this.imports.import(user, upload.buffer, query.year, upload.form.year);
  }
}
