import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@qj/http';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { CatalogService } from './catalog.service';
import { ListProjectsQueryDto } from './dto/list-projects.query.dto';
import { ProjectDetailDto, ProjectPageDto } from './dto/project.response.dto';

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @ApiOperation({
    summary: '项目清单: filter by part, chapter, column, sector, stage, target, unit, rag, overdue, stale, q (Chinese or pinyin); sort; paginate',
  })
  @ApiOkResponse({ type: ProjectPageDto })
  list(@Query() query: ListProjectsQueryDto) {
    return this.catalog.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A project with the plan clauses that name it (column, item, chapter, part)' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiProblems([404, 'no project with this id'])
  detail(@Param('id', uuidParam('id', '项目编号')) id: string) {
    return this.catalog.project(id);
  }
}
