import { Module } from '@nestjs/common';
import { ProjectExportController } from './project-export.controller';
import { ProjectExportService } from './project-export.service';

/**
 * Excel exports (导出 Excel). Import it before CatalogModule: Nest registers routes in module order and
 * `GET /api/projects/export.xlsx` must be matched before `GET /api/projects/:id`.
 */
@Module({ controllers: [ProjectExportController], providers: [ProjectExportService] })
export class ExportModule {}
