import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Env } from '@qj/config';
import { dataSourceOptions } from './data-source.options';
import { ProjectReadRepository } from './repositories/project-read.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { RollupRepository } from './repositories/rollup.repository';
import { UnitOfWork } from './repositories/unit-of-work';
import { ProjectStateRepository } from './repositories/project-state.repository';
import { MilestoneRepository } from './repositories/milestone.repository';
import { TransitionRequestRepository } from './repositories/transition-request.repository';
import { RebaselineRequestRepository } from './repositories/rebaseline-request.repository';
import { AuditRepository } from './repositories/audit.repository';
import { UnitRepository, UserRepository } from './repositories/user.repository';
import { AlertRepository } from './repositories/alert.repository';
import { DigestRepository } from './repositories/digest.repository';
import { MailOutboxRepository } from './repositories/mail-outbox.repository';
import { NotificationRepository } from './repositories/notification.repository';
import { NotificationPreferenceRepository } from './repositories/notification-preference.repository';
import { AccessRepository } from './repositories/access.repository';
import { NotificationSourceRepository } from './repositories/notification-source.repository';
import { StatusLightRepository } from './repositories/status-light.repository';
import { ProjectFactsRepository } from './repositories/project-facts.repository';
import { InvestmentPlanRepository } from './repositories/investment-plan.repository';
import { MonthlyReportRepository } from './repositories/monthly-report.repository';
import { InvestmentFiguresRepository } from './repositories/investment-figures.repository';
import { BulletinRepository } from './repositories/bulletin.repository';
import { ReportReminderRepository } from './repositories/report-reminder.repository';
import { ProblemRepository } from './repositories/problem.repository';
import { SupervisionRepository } from './repositories/supervision.repository';
import { FileRepository } from './repositories/file.repository';
import { ApprovalRepository } from './repositories/approval.repository';
import { DemoRepository } from './repositories/demo.repository';

/** Every repository, provided and exported alike: the only classes that speak SQL (with the unit of work that opens their transactions). */
const REPOSITORIES = [
  UnitOfWork,
  ProjectReadRepository,
  UserRepository,
  UnitRepository,
  ProjectStateRepository,
  MilestoneRepository,
  TransitionRequestRepository,
  RebaselineRequestRepository,
  AuditRepository,
  RollupRepository,
  OutboxRepository,
  AlertRepository,
  MailOutboxRepository,
  NotificationRepository,
  NotificationPreferenceRepository,
  DigestRepository,
  AccessRepository,
  NotificationSourceRepository,
  StatusLightRepository,
  ProjectFactsRepository,
  InvestmentPlanRepository,
  MonthlyReportRepository,
  InvestmentFiguresRepository,
  BulletinRepository,
  ReportReminderRepository,
  ProblemRepository,
  SupervisionRepository,
  FileRepository,
  ApprovalRepository,
  DemoRepository,
];

/** The TypeORM connection for either application. Migrations run before the modules start (see runMigrationsWithLock). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env & { DATABASE_SCHEMA?: string }, true>) => ({
        ...dataSourceOptions({ url: config.get('DATABASE_URL', { infer: true }), schema: config.get('DATABASE_SCHEMA', { infer: true }) }),
        // Start-up already checked the database answers; do not retry for minutes if it does not.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class PersistenceModule {}
