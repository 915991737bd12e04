import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { domainError } from '@qj/http';
import { ProjectReadRepository, ProjectSort } from '@qj/persistence';
import type { ListProjectsQueryDto } from './dto/list-projects.query.dto';

/** Reading the plan catalog: the project list and detail, the plan tree, the indicators. */
@Injectable()
export class CatalogService {
  constructor(
    private readonly projects: ProjectReadRepository,
    private readonly clock: Clock,
  ) {}

  /** A page of projects; `sort` with a leading "-" sorts descending; overdue and stale count as of today in APP_TIMEZONE. */
  async list(query: ListProjectsQueryDto) {
    // No sort given: plan order, or with `q` the best matches first (the repository ranks them).
    const { sort, ...filter } = query;
    const day = this.clock.businessDay();
    const result = await this.projects.list({
      ...filter,
      day,
      sort: sort?.replace(/^-/, '') as ProjectSort | undefined,
      descending: sort?.startsWith('-') ?? false,
    });
    return { ...result, page: query.page, pageSize: query.pageSize };
  }

  async project(id: string) {
    const project = await this.projects.findById(id);
    if (!project) throw domainError('project_not_found', { id });
    return project;
  }

  planTree() {
    return this.projects.planTree();
  }

  async indicators() {
    return { items: await this.projects.indicators() };
  }
}
