import { BellOutlined, CheckOutlined, MailOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, List, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { AppNotification } from '../api/types';
import { useUser } from '../auth/auth';
import { MailPreferences } from '../components/mail-preferences';
import { setUnreadCount } from '../components/notification-bell';
import { PageError, ProblemAlert } from '../components/problem-alert';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { useAsync } from '../lib/use-async';

const LEVEL_COLORS: Record<string, string> = { overdue: 'orange', escalated_14: 'volcano', supervision_30: 'red', stale: 'default' };

interface Inbox {
  items: AppNotification[];
  unread: number;
}

/** Unread first, then newest first: what still wants attention stays on top. */
function unreadFirst(items: AppNotification[]): AppNotification[] {
  return [...items].sort((a, b) => Number(!!a.readAt) - Number(!!b.readAt) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/** 通知: the signed-in user's alerts and digests, unread first, with their e-mail preferences beside them. */
export default function NotificationsPage() {
  const { t, tv } = useI18n();
  const user = useUser();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [error, setError] = useState<unknown>(null);
  const inbox = useAsync(async (signal) => {
    const answer = await api.get<Inbox>('/api/notifications', { limit: 200 }, signal);
    setUnreadCount(answer.unread);
    return answer;
  }, []);

  const items = useMemo(() => {
    const all = unreadFirst(inbox.data?.items ?? []);
    return filter === 'unread' ? all.filter((n) => !n.readAt) : all;
  }, [inbox.data, filter]);
  const unread = inbox.data?.unread ?? 0;

  const markRead = async (notification: AppNotification) => {
    if (notification.readAt) return;
    setError(null);
    try {
      const updated = await api.post<AppNotification>(`/api/notifications/${notification.id}/read`);
      inbox.setData((current) => {
        const next = { items: (current?.items ?? []).map((n) => (n.id === updated.id ? updated : n)), unread: Math.max(0, (current?.unread ?? 1) - 1) };
        setUnreadCount(next.unread);
        return next;
      });
    } catch (failure) {
      setError(failure);
    }
  };

  const markAllRead = async () => {
    setError(null);
    try {
      await api.post('/api/notifications/read-all');
      const now = new Date().toISOString();
      inbox.setData((current) => ({ items: (current?.items ?? []).map((n) => (n.readAt ? n : { ...n, readAt: now })), unread: 0 }));
      setUnreadCount(0);
    } catch (failure) {
      setError(failure);
    }
  };

  if (inbox.error && !inbox.data) return <PageError error={inbox.error} onRetry={inbox.reload} />;

  const tagOf = (n: AppNotification) =>
    n.kind === 'alert' ? (
      <Tag color={LEVEL_COLORS[n.level ?? ''] ?? 'orange'}>{tv('notify.level', n.level)}</Tag>
    ) : (
      <Tag color={n.kind === 'digest' ? 'blue' : 'geekblue'}>{t(`notify.kind.${n.kind}`)}</Tag>
    );
  const target = (n: AppNotification) => n.link ?? (n.projectId ? `/projects/${n.projectId}` : null);

  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('notify.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('notify.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          {user.role !== 'admin' ? (
            <Link to="/digest-preview">
              <Button icon={<MailOutlined />}>{t('notify.openDigest')}</Button>
            </Link>
          ) : null}
          <Button type="primary" icon={<CheckOutlined />} disabled={!unread} onClick={markAllRead} data-testid="mark-all-read">
            {t('notify.markAllRead')}
          </Button>
        </Space>
      </div>
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title={
              <Space>
                <BellOutlined />
                {t('notify.listTitle')}
                <Badge count={unread} overflowCount={999} data-testid="notifications-unread" />
              </Space>
            }
            extra={
              <Segmented
                size="small"
                value={filter}
                onChange={(value) => setFilter(value as 'all' | 'unread')}
                options={[
                  { value: 'all', label: t('common.all') },
                  { value: 'unread', label: t('notify.unreadOnly') },
                ]}
              />
            }
          >
            <List
              loading={inbox.loading && !inbox.data}
              dataSource={items}
              locale={{
                emptyText: (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={filter === 'unread' && inbox.data?.items.length ? t('notify.allRead') : t('notify.empty')}
                  />
                ),
              }}
              data-testid="notification-list"
              renderItem={(n) => (
                <List.Item
                  className={n.readAt ? 'notification read' : 'notification unread'}
                  data-testid="notification"
                  data-read={n.readAt ? 'true' : 'false'}
                  actions={
                    n.readAt
                      ? [
                          <Typography.Text key="read" type="secondary" style={{ fontSize: 12 }}>
                            {t('notify.read')}
                          </Typography.Text>,
                        ]
                      : [
                          <Button key="mark" size="small" type="link" onClick={() => markRead(n)}>
                            {t('notify.markRead')}
                          </Button>,
                        ]
                  }
                >
                  <List.Item.Meta
                    avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
                    title={
                      <Space size={6} wrap>
                        {tagOf(n)}
                        {target(n) ? (
                          <Link to={target(n) as string} onClick={() => markRead(n)}>
                            {n.title}
                          </Link>
                        ) : (
                          <span>{n.title}</span>
                        )}
                      </Space>
                    }
                    description={
                      <>
                        <div className="notification-body">{n.body}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(n.createdAt)}
                        </Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <MailPreferences />
        </Col>
      </Row>
    </>
  );
}
