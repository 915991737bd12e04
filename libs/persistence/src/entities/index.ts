import { AuditEventEntity } from './audit-event.entity';
import { IndicatorEntity } from './indicator.entity';
import { MilestoneEntity } from './milestone.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { PlanChapterEntity, PlanColumnEntity, PlanColumnItemEntity, PlanPartEntity, PlanSectionEntity } from './plan-structure.entity';
import { ProjectSourceEntity } from './project-source.entity';
import { ProjectEntity } from './project.entity';
import { RebaselineRequestEntity } from './rebaseline-request.entity';
import { RollupEntity, RollupSnapshotEntity } from './rollup.entity';
import { TransitionRequestEntity } from './transition-request.entity';
import { UnitEntity } from './unit.entity';
import { UserEntity } from './user.entity';
import { NotificationEntity } from './notification.entity';
import { MailOutboxEntity } from './mail-outbox.entity';
import { AlertEntity } from './alert.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { DigestEntity } from './digest.entity';
import { InvestmentPlanEntity, InvestmentPlanVersionEntity, MonthlyReportEntity } from './investment.entity';
import { InvestmentSnapshotEntity } from './investment-snapshot.entity';
import { BulletinEntity } from './bulletin.entity';
import { ReportReminderEntity } from './report-reminder.entity';
import { ProblemEntity, ProblemReplyEntity } from './problem.entity';
import { ProblemEscalationEntity, SupervisionNoticeEntity, SupervisionSequenceEntity } from './supervision.entity';
import { FileAttachmentEntity, FileEntity } from './file.entity';
import { DemoRunEntity } from './demo-run.entity';

export * from './audit-event.entity';
export * from './indicator.entity';
export * from './milestone.entity';
export * from './outbox-event.entity';
export * from './plan-structure.entity';
export * from './project-source.entity';
export * from './project.entity';
export * from './rebaseline-request.entity';
export * from './rollup.entity';
export * from './transition-request.entity';
export * from './unit.entity';
export * from './user.entity';
export * from './notification.entity';
export * from './mail-outbox.entity';
export * from './alert.entity';
export * from './notification-preference.entity';
export * from './digest.entity';
export * from './investment.entity';
export * from './investment-snapshot.entity';
export * from './bulletin.entity';
export * from './report-reminder.entity';
export * from './problem.entity';
export * from './supervision.entity';
export * from './file.entity';
export * from './demo-run.entity';

export const ENTITIES = [
  PlanPartEntity,
  PlanChapterEntity,
  PlanSectionEntity,
  PlanColumnEntity,
  PlanColumnItemEntity,
  UnitEntity,
  ProjectEntity,
  ProjectSourceEntity,
  IndicatorEntity,
  MilestoneEntity,
  TransitionRequestEntity,
  RebaselineRequestEntity,
  AuditEventEntity,
  OutboxEventEntity,
  RollupEntity,
  RollupSnapshotEntity,
  UserEntity,
  NotificationEntity,
  MailOutboxEntity,
  AlertEntity,
  NotificationPreferenceEntity,
  DigestEntity,
  InvestmentPlanEntity,
  InvestmentPlanVersionEntity,
  MonthlyReportEntity,
  InvestmentSnapshotEntity,
  BulletinEntity,
  ReportReminderEntity,
  ProblemEntity,
  ProblemReplyEntity,
  ProblemEscalationEntity,
  SupervisionNoticeEntity,
  SupervisionSequenceEntity,
  FileEntity,
  FileAttachmentEntity,
  DemoRunEntity,
];
