import { Controller, Get, Header, Headers, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { languageOf, uuidParam } from '@qj/http';
import { AuthUser, CurrentUser } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { InvestmentPeriodQueryDto, InvestmentSummaryQueryDto, ProjectFiguresQueryDto, RankingsQueryDto } from './dto/investment.query.dto';
import { InvestmentSummaryDto, ProjectFiguresPageDto, ProjectInvestmentDto, RankingsDto } from './dto/investment.response.dto';
import { InvestmentService } from './investment.service';

@ApiTags('investment')
@ApiBearerAuth()
@Controller()
export class InvestmentController {
  constructor(private readonly investment: InvestmentService) {}

  @Get('projects/:id/investment')
  @ApiOperation({
    summary:
      'A project’s investment figures for months 1–m of a year: plan, 本年累计完成投资 (submitted reports only), 投资完成率, 序时进度, the gap and the investment light with its reasons; the start (开工) and registration (入库纳统) lights and the project light (worst of the three); the months for the bars. Owners: their own unit’s projects',
  })
  @ApiOkResponse({ type: ProjectInvestmentDto })
  @ApiProblems([403, 'outside_unit: an owner of another unit'], [404, 'no project with this id'])
  @Header('Vary', 'Accept-Language')
  project(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id', '项目编号')) id: string,
    @Query() query: InvestmentPeriodQueryDto,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.investment.project(user, id, query.year, query.month, languageOf(acceptLanguage));
  }

  @Get('investment/summary')
  @ApiOperation({
    summary:
      'Investment summary for months 1–m of a year, for the district or per part, chapter, column, sector or unit (key: the unit code): planned (current and original), completed, 投资完成率 against 序时进度, projects per light, 开工率 and 竣工率 each with numerator, denominator and which denominator. Only projects with a plan for the year; a project named in several chapters counts in each (`multiCounted`). Owners: their own unit’s projects, never by=district',
  })
  @ApiOkResponse({ type: InvestmentSummaryDto })
  @ApiProblems([403, 'by=district asked by an owner'])
  summary(@CurrentUser() user: AuthUser, @Query() query: InvestmentSummaryQueryDto) {
    return this.investment.summary(user, query.year, query.month, query.by);
  }

  @Get('investment/projects')
  @ApiOperation({
    summary:
      'The projects with a plan for the year by light (the red list: light=red), each with its figures for months 1–m and every reason of its lights, worst first; filter by unitId and chapter; paged. `kind` says which light: the project light (default) or investment, start, registration. The members are those whose GET /api/projects/:id/investment light is that light. Owners: their own unit’s projects',
  })
  @ApiOkResponse({ type: ProjectFiguresPageDto })
  @ApiProblems([403, 'outside_unit: an owner naming another unit'])
  @Header('Vary', 'Accept-Language')
  projects(@CurrentUser() user: AuthUser, @Query() query: ProjectFiguresQueryDto, @Headers('accept-language') acceptLanguage?: string) {
    return this.investment.projects(user, query, languageOf(acceptLanguage));
  }

  @Get('rankings')
  @ApiOperation({
    summary:
      'Units ranked by 投资完成率 or 开工率 for months 1–m of a year, with the definition to publish beside them; ties share a rank; units with nothing planned are listed apart (`unranked`). Reviewers and admins',
  })
  @ApiOkResponse({ type: RankingsDto })
  @ApiProblems([403, 'owners: a ranking compares every unit'])
  rankings(@CurrentUser() user: AuthUser, @Query() query: RankingsQueryDto) {
    return this.investment.rankings(user, query.year, query.month, query.metric, query.basis);
  }
}
