import { Module } from '@nestjs/common';
import { AdminOutboxController } from './admin-outbox.controller';
import { NotificationsService } from './notifications.service';
import { NotificationsController } from './notifications.controller';
import { UnsubscribeController } from './unsubscribe.controller';

/** In-app notifications, e-mail preferences and unsubscribe links, and the admin view of the mail outbox. */
@Module({ controllers: [NotificationsController, UnsubscribeController, AdminOutboxController], providers: [NotificationsService] })
export class NotificationsModule {}
