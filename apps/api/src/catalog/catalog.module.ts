import { Module } from '@nestjs/common';
import { PlanController } from './plan.controller';
import { ProjectsController } from './projects.controller';

/** Reading the plan catalog: the tree, the projects and the indicators. */
@Module({ controllers: [PlanController, ProjectsController] })
export class CatalogModule {}
