import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { MonthLockService } from './month-lock.service';
import { MonthlyReportImportService } from './monthly-report-import.service';
import { MonthlyReportsController } from './monthly-reports.controller';
import { MonthlyReportsService } from './monthly-reports.service';

/** Monthly reports (月报): per project and month, the unit's month grid, and the Excel template and import. */
@Module({
  imports: [FilesModule],
  controllers: [MonthlyReportsController],
  providers: [MonthlyReportsService, MonthlyReportImportService, MonthLockService],
  exports: [MonthlyReportsService, MonthLockService],
})
export class MonthlyReportsModule {}
