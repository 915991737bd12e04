import { Module } from '@nestjs/common';
import { InvestmentPeriodModule } from '../investment/investment-period';
import { CatalogService } from './catalog.service';
import { PlanController } from './plan.controller';
import { ProjectFactsService } from './project-facts.service';
import { ProjectsController } from './projects.controller';

/** Reading the plan catalog: the tree, the projects and the indicators; and editing a project's investment facts. */
@Module({
  imports: [InvestmentPeriodModule],
  controllers: [PlanController, ProjectsController],
  providers: [CatalogService, ProjectFactsService],
  exports: [ProjectFactsService],
})
export class CatalogModule {}
