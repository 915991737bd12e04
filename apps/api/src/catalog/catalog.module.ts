import { Module } from '@nestjs/common';
import { CatalogService } from './catalog.service';
import { PlanController } from './plan.controller';
import { ProjectsController } from './projects.controller';

/** Reading the plan catalog: the tree, the projects and the indicators. */
@Module({ controllers: [PlanController, ProjectsController], providers: [CatalogService] })
export class CatalogModule {}
