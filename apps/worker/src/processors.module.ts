import { Module } from '@nestjs/common';
import { QueueModule, QueueName } from '@qj/queue';
import { DomainEventsProcessor } from './events/domain-events.processor';
import { HeartbeatProcessor } from './heartbeat.processor';
import { OutboxRelayProcessor } from './outbox/outbox-relay.processor';
import { RollupsProcessor } from './rollups/rollups.processor';
import { AlertsProcessor } from './alerts/alerts.processor';
import { AlertsService } from './alerts/alerts.service';
import { SupervisionService } from './supervision/supervision.service';
import { MailProcessor } from './mail/mail.processor';
import { MailRows } from './mail/mail-rows';
import { MailTransport } from './mail/mail-transport';
import { DigestProcessor } from './digest/digest.processor';
import { DigestComposer } from '@qj/digest';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { NotificationsService } from './notifications/notifications.service';
import { BulletinProcessor } from './bulletin/bulletin.processor';
import { BulletinGatherer } from './bulletin/bulletin-gatherer';
import { ReportRemindersProcessor } from './report-reminders/report-reminders.processor';
import { ReportRemindersService } from './report-reminders/report-reminders.service';

/** Every BullMQ processor. The worker application runs them; `npm start` runs them inside the API process. */
@Module({
  imports: [QueueModule],
  providers: [
    HeartbeatProcessor,
    OutboxRelayProcessor,
    DomainEventsProcessor,
    RollupsProcessor,
    AlertsProcessor,
    AlertsService,
    SupervisionService,
    MailProcessor,
    MailTransport,
    MailRows,
    DigestProcessor,
    DigestComposer,
    NotificationsProcessor,
    NotificationsService,
    BulletinProcessor,
    BulletinGatherer,
    ReportRemindersProcessor,
    ReportRemindersService,
  ],
})
export class ProcessorsModule {}

/** Every processor with its queue; a unit test checks their handler tables against the job catalogue. */
export const PROCESSORS: Array<{ queue: QueueName; name: string }> = [
  HeartbeatProcessor,
  OutboxRelayProcessor,
  DomainEventsProcessor,
  RollupsProcessor,
  AlertsProcessor,
  MailProcessor,
  DigestProcessor,
  NotificationsProcessor,
  BulletinProcessor,
  ReportRemindersProcessor,
];
