import { Injectable } from '@nestjs/common';
import { domainError } from '@qj/http';
import { MailOutboxRepository, MailStatus, NotificationPreferenceRepository, NotificationRepository } from '@qj/persistence';
import type { NotificationPreferencesDto } from './dto/notification-preferences.dto';

/** A user's own notifications and mail preferences (every read and write scoped by the user's id), and the mail outbox for admins. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly outbox: MailOutboxRepository,
  ) {}

  list(userId: string, limit: number, unreadOnly: boolean) {
    return this.notifications.listForUser(userId, limit, unreadOnly);
  }

  async readAll(userId: string) {
    return { updated: await this.notifications.markAllRead(userId), unread: 0 };
  }

  /** 404 for a notification that is not the user's: another user's is not even said to exist. */
  async read(userId: string, id: string) {
    const notification = await this.notifications.markRead(userId, id);
    if (!notification) throw domainError('notification_not_found');
    return notification;
  }

  preferencesOf(userId: string) {
    return this.preferences.get(userId);
  }

  setPreferences(userId: string, change: NotificationPreferencesDto) {
    return this.preferences.set(userId, change);
  }

  mailOutbox(query: { status?: MailStatus; limit: number }) {
    return this.outbox.list(query);
  }
}
