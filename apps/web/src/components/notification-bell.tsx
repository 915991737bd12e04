import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect, useSyncExternalStore } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useI18n } from '../i18n';

const POLL_MS = 60_000;

/**
 * The number of unread notifications, shared by the header's bell and the notifications page: when the page
 * marks something read it sets the count here, so the bell follows at once without another request.
 */
let unread = 0;
const listeners = new Set<() => void>();

export function setUnreadCount(count: number): void {
  if (count === unread) return;
  unread = count;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useUnreadCount(): number {
  return useSyncExternalStore(subscribe, () => unread);
}

/** The header's bell: the unread count, asked again on every page change and every minute; opens 通知. */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const count = useUnreadCount();

  useEffect(() => {
    const controller = new AbortController();
    const refresh = () =>
      api.get<{ unread: number }>('/api/notifications', { limit: 1, unread: true }, controller.signal).then(
        (answer) => setUnreadCount(answer.unread),
        () => undefined,
      );
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [pathname]);

  const label = count ? t('notify.bellUnread', { n: count }) : t('notify.bell');
  return (
    <Tooltip title={label}>
      <Badge count={count} size="small" overflowCount={99} offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={label}
          data-testid="notification-bell"
          data-unread={count}
          onClick={() => navigate('/notifications')}
        />
      </Badge>
    </Tooltip>
  );
}
