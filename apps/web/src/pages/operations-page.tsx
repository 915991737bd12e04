import { DashboardOutlined, DeleteOutlined, RedoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Popconfirm, Segmented, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { FailedJob, FailedJobsPage, MailStatus, OperationsSettings, OutboxMail } from '../api/types';
import { PageError, ProblemAlert } from '../components/problem-alert';
import { hasKey, useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { useAsync } from '../lib/use-async';

const MAIL_STATUSES: MailStatus[] = ['pending', 'sending', 'sent', 'failed', 'skipped'];
const MAIL_STATUS_COLORS: Record<MailStatus, string> = { pending: 'blue', sending: 'processing', sent: 'success', failed: 'error', skipped: 'default' };
const JOBS_PAGE_SIZE = 20;
const PRE_STYLE = { margin: 0, maxHeight: 240, overflow: 'auto', fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' } as const;

/** 运维: what mail went or waits, the jobs that failed for good, and the way into the queue dashboard. Admins only. */
export default function OperationsPage() {
  const { t } = useI18n();
  const settings = useAsync((signal) => api.get<OperationsSettings>('/api/admin/operations/settings', undefined, signal), []);
  const [tab, setTab] = useState('outbox');

  return (
    <>
      <div className="page-header">
        <Space direction="vertical" size={0}>
          <Typography.Title level={3}>{t('ops.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('ops.subtitle')}</Typography.Text>
        </Space>
        <QueueDashboardButton />
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'outbox',
            label: t('ops.outbox'),
            children: <OutboxTab emlDirectory={settings.data?.mailTransport === 'eml' ? settings.data.emlDirectory : null} />,
          },
          { key: 'jobs', label: t('ops.failedJobs'), children: <FailedJobsTab /> },
        ]}
      />
    </>
  );
}

/** The dashboard is a page of its own outside /api: a session cookie lets the new tab in, as the tab cannot send the Bearer token. */
function QueueDashboardButton() {
  const { t } = useI18n();
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<unknown>();

  async function open() {
    // Opened before the request, while the click still counts as the user's: a tab opened after an await is often blocked.
    const tab = window.open('', '_blank');
    if (!tab) {
      setError(new Error(t('ops.dashboardBlocked')));
      return;
    }
    tab.opener = null;
    setOpening(true);
    setError(undefined);
    try {
      const session = await api.post<{ url: string }>('/api/admin/queue-dashboard/session');
      tab.location.href = session.url;
    } catch (reason) {
      tab.close();
      setError(reason);
    } finally {
      setOpening(false);
    }
  }

  return (
    <Space direction="vertical" align="end">
      <Tooltip title={t('ops.dashboardHint')}>
        <Button type="primary" icon={<DashboardOutlined />} loading={opening} onClick={open} data-testid="open-queue-dashboard">
          {t('ops.openDashboard')}
        </Button>
      </Tooltip>
      <ProblemAlert error={error} onClose={() => setError(undefined)} style={{ marginBottom: 0 }} />
    </Space>
  );
}

function OutboxTab({ emlDirectory }: { emlDirectory: string | null }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<MailStatus | 'all'>('all');
  const outbox = useAsync(
    (signal) =>
      api.get<{ items: OutboxMail[]; counts: Partial<Record<MailStatus, number>> }>(
        '/api/admin/outbox',
        { status: status === 'all' ? undefined : status },
        signal,
      ),
    [status],
  );
  const counts = outbox.data?.counts ?? {};
  const allCount = MAIL_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);

  const columns: TableProps<OutboxMail>['columns'] = [
    {
      title: t('ops.mail.status'),
      dataIndex: 'status',
      key: 'status',
      width: 96,
      render: (s: MailStatus) => <Tag color={MAIL_STATUS_COLORS[s]}>{t(`ops.mail.status.${s}`)}</Tag>,
    },
    {
      title: t('ops.mail.recipient'),
      key: 'recipient',
      width: 200,
      ellipsis: { showTitle: false },
      render: (_, mail) => (
        <Tooltip placement="topLeft" title={mail.toAddress}>
          <div>
            <span className="cell-ellipsis">{mail.toAddress ?? '—'}</span>
            {mail.username ? (
              <Typography.Text type="secondary" className="cell-ellipsis">
                {mail.username}
              </Typography.Text>
            ) : null}
          </div>
        </Tooltip>
      ),
    },
    // The subject takes the rest of the width on one line; the whole subject is in its tooltip.
    {
      title: t('ops.mail.subject'),
      dataIndex: 'subject',
      key: 'subject',
      ellipsis: { showTitle: false },
      render: (subject: string) => (
        <Tooltip placement="topLeft" title={subject}>
          <span className="cell-ellipsis" data-testid="mail-subject">
            {subject}
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('ops.mail.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 100,
      render: (kind: string) => {
        const key = `ops.mail.kind.${kind}`;
        return hasKey(key) ? t(key) : kind;
      },
    },
    { title: t('ops.mail.attempts'), dataIndex: 'attempts', key: 'attempts', width: 80, align: 'right' },
    {
      title: t('ops.mail.error'),
      dataIndex: 'lastError',
      key: 'lastError',
      width: 180,
      ellipsis: { showTitle: false },
      render: (error: string | null) =>
        error ? (
          <Tooltip placement="topLeft" title={error}>
            <Typography.Text type="danger" className="cell-ellipsis">
              {error}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { title: t('ops.mail.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    {
      title: t('ops.mail.sentAt'),
      dataIndex: 'sentAt',
      key: 'sentAt',
      width: 150,
      responsive: ['xxl'],
      render: (v: string | null) => formatDateTime(v),
    },
  ];

  return (
    <>
      {emlDirectory ? <Alert type="info" showIcon message={t('ops.emlHint', { dir: emlDirectory })} style={{ marginBottom: 16 }} /> : null}
      {/* Five statuses with counts are wider than a phone: they scroll sideways in their own strip, not the page. */}
      <div className="segmented-strip">
        <Segmented<MailStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: `${t('common.all')} (${allCount})` },
            ...MAIL_STATUSES.map((s) => ({ value: s, label: `${t(`ops.mail.status.${s}`)} (${counts[s] ?? 0})` })),
          ]}
        />
      </div>
      {outbox.error && !outbox.data ? (
        <PageError error={outbox.error} onRetry={outbox.reload} />
      ) : (
        <>
          <ProblemAlert error={outbox.data ? outbox.error : undefined} onRetry={outbox.reload} />
          <Table<OutboxMail>
            rowKey="id"
            data-testid="outbox-table"
            columns={columns}
            dataSource={outbox.data?.items ?? []}
            loading={outbox.loading}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            // The fixed widths leave the subject at least ~150 px (more at 1280); narrower screens scroll the table, not the page.
            scroll={{ x: 960 }}
            size="middle"
            locale={{
              emptyText: <Empty description={status === 'all' ? t('ops.mail.empty') : t('ops.mail.emptyStatus', { status: t(`ops.mail.status.${status}`) })} />,
            }}
          />
        </>
      )}
    </>
  );
}

function FailedJobsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [queue, setQueue] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [acting, setActing] = useState<string>();
  const [actionError, setActionError] = useState<unknown>();
  const jobs = useAsync((signal) => api.get<FailedJobsPage>('/api/admin/jobs/failed', { queue, page, pageSize: JOBS_PAGE_SIZE }, signal), [queue, page]);
  const counts: Record<string, number> = jobs.data?.counts ?? {};
  const allCount = Object.values(counts).reduce((sum, n) => sum + n, 0);

  async function act(job: FailedJob, action: 'retry' | 'discard') {
    const key = `${job.queue}/${job.id}`;
    setActing(key);
    setActionError(undefined);
    try {
      const path = `/api/admin/jobs/${encodeURIComponent(job.queue)}/${encodeURIComponent(job.id)}`;
      if (action === 'retry') await api.post(`${path}/retry`);
      else await api.delete(path);
      message.success(t(action === 'retry' ? 'ops.jobs.retried' : 'ops.jobs.discarded', { id: job.id }));
      // The last job of a page gone: show the page before it.
      if (jobs.data && jobs.data.items.length === 1 && page > 1) setPage(page - 1);
      else jobs.reload();
    } catch (error) {
      setActionError(error);
      jobs.reload();
    } finally {
      setActing(undefined);
    }
  }

  const columns: TableProps<FailedJob>['columns'] = [
    { title: t('ops.jobs.queue'), dataIndex: 'queue', key: 'queue', width: 120, render: (q: string) => <Tag>{q}</Tag> },
    {
      title: t('ops.jobs.name'),
      key: 'name',
      width: 220,
      render: (_, job) => (
        <Space direction="vertical" size={0}>
          <Typography.Text code>{job.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            #{job.id}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('ops.jobs.reason'),
      dataIndex: 'failedReason',
      key: 'failedReason',
      render: (reason: string) => <Typography.Text type="danger">{reason}</Typography.Text>,
    },
    { title: t('ops.jobs.attempts'), key: 'attempts', width: 90, align: 'right', render: (_, job) => `${job.attemptsMade}/${job.attempts}` },
    { title: t('ops.jobs.failedAt'), dataIndex: 'failedAt', key: 'failedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
    {
      title: t('ops.jobs.actions'),
      key: 'actions',
      width: 190,
      render: (_, job) => (
        <Space>
          <Popconfirm
            title={t('ops.jobs.retryConfirm', { id: job.id, queue: job.queue })}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => act(job, 'retry')}
          >
            <Button size="small" icon={<RedoOutlined />} loading={acting === `${job.queue}/${job.id}`}>
              {t('ops.jobs.retry')}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('ops.jobs.discardConfirm', { id: job.id })}
            okText={t('common.confirm')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => act(job, 'discard')}
          >
            <Button size="small" danger icon={<DeleteOutlined />} disabled={acting === `${job.queue}/${job.id}`}>
              {t('ops.jobs.discard')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Select<string>
        value={queue ?? 'all'}
        onChange={(value) => {
          setQueue(value === 'all' ? undefined : value);
          setPage(1);
        }}
        style={{ minWidth: 200, marginBottom: 16 }}
        aria-label={t('ops.jobs.queue')}
        options={[
          { value: 'all', label: `${t('ops.jobs.allQueues')} (${allCount})` },
          // The API names every queue in `counts`, so the list follows libs/queue/src/jobs.ts.
          ...Object.entries(counts).map(([q, n]) => ({ value: q, label: `${q} (${n})` })),
        ]}
      />
      <ProblemAlert error={actionError} onClose={() => setActionError(undefined)} />
      {jobs.error && !jobs.data ? (
        <PageError error={jobs.error} onRetry={jobs.reload} />
      ) : (
        <Table<FailedJob>
          rowKey={(job) => `${job.queue}/${job.id}`}
          data-testid="failed-jobs-table"
          columns={columns}
          dataSource={jobs.data?.items ?? []}
          loading={jobs.loading}
          size="middle"
          scroll={{ x: 1000 }}
          expandable={{
            expandedRowRender: (job) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>{t('ops.jobs.data')}</Typography.Text>
                <pre style={PRE_STYLE}>{JSON.stringify(job.data, null, 2)}</pre>
                {job.stacktraceHead ? (
                  <>
                    <Typography.Text strong>{t('ops.jobs.stacktrace')}</Typography.Text>
                    <pre style={PRE_STYLE}>{job.stacktraceHead}</pre>
                  </>
                ) : null}
              </Space>
            ),
          }}
          pagination={{
            current: page,
            pageSize: JOBS_PAGE_SIZE,
            total: jobs.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
            showTotal: (n) => t('common.total', { n }),
          }}
          locale={{ emptyText: <Empty description={t('ops.jobs.empty')} /> }}
        />
      )}
    </>
  );
}
