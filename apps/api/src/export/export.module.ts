import { Module } from '@nestjs/common';
import { CatalogService } from '../catalog/catalog.service';
import { InvestmentPeriodModule } from '../investment/investment-period';
import { ProjectExportController } from './project-export.controller';
import { ProjectExportService } from './project-export.service';

/**
 * Excel exports (导出 Excel). Import it before CatalogModule: Nest registers routes in module order and
 * `GET /api/projects/export.xlsx` must be matched before `GET /api/projects/:id`.
 */
@Module({ imports: [InvestmentPeriodModule], controllers: [ProjectExportController], providers: [ProjectExportService, CatalogService] })
export class ExportModule {}
