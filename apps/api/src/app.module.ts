import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ClockModule, type Env } from '@qj/config';
import { loggerParams } from '@qj/http';
import { PersistenceModule } from '@qj/persistence';
import { QueueModule } from '@qj/queue';
import { LoggerModule } from 'nestjs-pino';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CatalogModule } from './catalog/catalog.module';
import { ExportModule } from './export/export.module';
import { HealthModule } from './health/health.module';
import { WebModule } from './web/web.module';
import { RollupsModule } from './rollups/rollups.module';
import { MilestonesModule } from './milestones/milestones.module';
import { WorkflowModule } from './workflow/workflow.module';
import { ImportModule } from './import/import.module';
import { NotificationsModule } from './notifications/notifications.module';
import { DigestsModule } from './digests/digests.module';
import { OperationsModule } from './operations/operations.module';
import { InvestmentPlansModule } from './investment-plans/investment-plans.module';
import { MonthlyReportsModule } from './monthly-reports/monthly-reports.module';
import { InvestmentModule } from './investment/investment.module';
import { BulletinsModule } from './bulletins/bulletins.module';
import { ProblemsModule } from './problems/problems.module';
import { SupervisionNoticesModule } from './supervision-notices/supervision-notices.module';
import { FilesModule } from './files/files.module';
import { PreworkModule } from './prework/prework.module';
import { DemoModule } from './demo/demo.module';

/** The HTTP application. Built from an already validated configuration, so each test suite can boot its own. */
@Module({})
export class ApiModule {
  static forRoot(env: Env, extra: DynamicModule['imports'] = []): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, ignoreEnvVars: true, load: [() => ({ ...env })] }),
        LoggerModule.forRoot(loggerParams({ level: env.LOG_LEVEL, pretty: env.LOG_PRETTY })),
        ClockModule,
        PersistenceModule,
        QueueModule,
        HealthModule,
        // Before CatalogModule: GET /api/projects/export.xlsx must be matched before /api/projects/:id.
        ExportModule,
        CatalogModule,
        AuthModule,
        // Before MilestonesModule: /api/milestones/import-template.xlsx and /import must be matched before /api/milestones/:id.
        ImportModule,
        MilestonesModule,
        WorkflowModule,
        NotificationsModule,
        DigestsModule,
        RollupsModule,
        InvestmentPlansModule,
        MonthlyReportsModule,
        InvestmentModule,
        BulletinsModule,
        ProblemsModule,
        SupervisionNoticesModule,
        FilesModule,
        PreworkModule,
        AdminModule,
        AuditModule,
        DemoModule.forRoot(env),
        // Registers /metrics and the /admin/queues dashboard outside /api, ahead of WebModule's console fallback.
        OperationsModule,
        WebModule,
        ...extra,
      ],
    };
  }
}
