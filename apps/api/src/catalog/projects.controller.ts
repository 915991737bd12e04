import { Body, Controller, Get, Header, Headers, Param, Patch, Query } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { languageOf, uuidParam } from '@qj/http';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { CatalogService } from './catalog.service';
import { ProjectFactsDto, UpdateProjectFactsDto } from './dto/project-facts.dto';
import { ProjectFactsService } from './project-facts.service';
import { ListProjectsQueryDto } from './dto/list-projects.query.dto';
import { ProjectDetailDto, ProjectPageDto } from './dto/project.response.dto';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly facts: ProjectFactsService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      '项目清单: filter by part, chapter, column, sector, stage, target, unit, rag, overdue, stale, q (Chinese or pinyin); sort; paginate. Each row has its 年度计划, 累计完成 and 完成率 for months 1–m of `year` (default: the current report month), the same figures as GET /api/projects/:id/investment; an owner sees them for their own unit’s projects only (null elsewhere)',
  })
  @ApiOkResponse({ type: ProjectPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListProjectsQueryDto) {
    return this.catalog.list(user, query);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A project with the plan clauses that name it (column, item, chapter, part), and its project light: the milestone RAG combined with the investment, start and registration lights of the current report month, each reason with its source, in the language Accept-Language asks for (null for an owner of another unit)',
  })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiProblems([404, 'no project with this id'])
  @Header('Vary', 'Accept-Language')
  detail(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '项目编号')) id: string, @Headers('accept-language') acceptLanguage?: string) {
    return this.catalog.project(user, id, languageOf(acceptLanguage));
  }

  @Patch(':id')
  @RequireAccess('project.facts.update', 'id')
  @ApiOperation({
    summary:
      'Edit the investment facts (项目代码, 总投资, 投资类型, 建设年限, 建设内容, 入库纳统): owners of the unit, reviewers, admins; send the version you saw (or If-Match). Audited; an edit that changes nothing writes nothing',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'the project version you saw, instead of `version` in the body' })
  @ApiOkResponse({ type: ProjectFactsDto })
  @ApiProblems(404, [409, 'version_conflict (with currentVersion), or project_code_taken: another project has this 项目代码 (projectId, projectName)'])
  updateFacts(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam('id', '项目编号')) id: string,
    @Body() dto: UpdateProjectFactsDto,
    @Headers('if-match') ifMatch?: string,
  ) {
    return this.facts.update(user, id, dto, ifMatch);
  }
}
