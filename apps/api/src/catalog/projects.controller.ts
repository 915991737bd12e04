import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import { businessDay } from '@qj/domain';
import { DomainException, uuidParam } from '@qj/http';
import { ProjectReadRepository, ProjectSort } from '@qj/persistence';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ListProjectsQueryDto } from './dto/list-projects.query.dto';
import { ProjectDetailDto, ProjectPageDto } from './dto/project.response.dto';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectReadRepository,
    private readonly config: ConfigService<Env, true>,
  ) {}

  @Get()
  @ApiOperation({ summary: '项目清单: filter by part, chapter, column, sector, stage, target, unit, rag, overdue, stale, q (Chinese or pinyin); sort; paginate' })
  @ApiOkResponse({ type: ProjectPageDto })
  async list(@Query() query: ListProjectsQueryDto) {
    const { sort = 'plan', ...filter } = query;
    const descending = sort.startsWith('-');
    const day = businessDay(this.config.get('APP_TIMEZONE', { infer: true }));
    const result = await this.projects.list({ ...filter, day, sort: sort.replace(/^-/, '') as ProjectSort, descending });
    return { ...result, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A project with the plan clauses that name it (column, item, chapter, part)' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiProblems([404, 'no project with this id'])
  async detail(@Param('id', uuidParam('id', '项目编号')) id: string) {
    const project = await this.projects.findById(id);
    if (!project) throw new DomainException('project_not_found', 404, `没有编号为 ${id} 的项目`);
    return project;
  }
}
