import { Module } from '@nestjs/common';
import { MilestonesModule } from '../milestones/milestones.module';
import { MilestoneImportController } from './milestone-import.controller';
import { MilestoneImportService } from './milestone-import.service';

/**
 * Excel import of milestone updates (里程碑批量导入), applied through the workflow's milestone updates. Import it
 * before MilestonesModule: `milestones/import-template.xlsx` must be matched before any `milestones/:id` route.
 */
@Module({ imports: [MilestonesModule], controllers: [MilestoneImportController], providers: [MilestoneImportService] })
export class ImportModule {}
