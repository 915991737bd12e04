import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tabs, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import type { TransitionRequest, TransitionRequestPage } from '../api/types';
import { useUser } from '../auth/auth';
import { DecisionModal } from '../components/decision-modal';
import { EvidenceFiles } from '../components/evidence-files';
import { EvidenceList } from '../components/evidence-list';
import { PageError } from '../components/problem-alert';
import { StageTag } from '../components/tags';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { useAsync } from '../lib/use-async';

type Status = 'pending' | 'approved' | 'rejected';

/** 审批: the reviewers' inbox of stage-change requests, and what was decided. */
export default function ApprovalsPage() {
  const { t, tv } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const status = (['pending', 'approved', 'rejected'].includes(params.get('status') ?? '') ? params.get('status') : 'pending') as Status;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [deciding, setDeciding] = useState<{ request: TransitionRequest; verdict: 'approve' | 'reject' } | null>(null);

  const list = useAsync((signal) => api.get<TransitionRequestPage>('/api/transition-requests', { status, page, pageSize: 50 }, signal), [status, page]);

  const columns: TableProps<TransitionRequest>['columns'] = [
    {
      title: t('approvals.project'),
      dataIndex: 'projectName',
      key: 'project',
      width: 180,
      render: (name: string, r) => <Link to={`/projects/${r.projectId}`}>{name}</Link>,
    },
    {
      title: t('approvals.change'),
      key: 'change',
      width: 180,
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          <Typography.Text strong>{tv('transition', r.transitionId)}</Typography.Text>
          <span>
            <StageTag stage={r.fromStage} />→ <StageTag stage={r.toStage} />
          </span>
        </Space>
      ),
    },
    {
      title: t('approvals.evidence'),
      key: 'evidence',
      // The rest of the width: evidence is the longest cell and wraps.
      render: (_, r) => (
        <>
          <EvidenceList evidence={r.evidence} reason={r.reason} comment={r.comment} />
          <EvidenceFiles files={r.files} />
        </>
      ),
    },
    {
      title: t('approvals.requestedBy'),
      key: 'requested',
      width: 150,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.requestedByName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.requestedAt)}
          </Typography.Text>
        </Space>
      ),
    },
  ];
  if (status === 'pending') {
    columns.push({
      title: '',
      key: 'actions',
      width: 170,
      fixed: 'right',
      render: (_, r) =>
        r.requestedBy === user.id ? (
          <Typography.Text type="secondary">{t('detail.ownRequest')}</Typography.Text>
        ) : (
          <Space wrap>
            <Button type="primary" size="small" icon={<CheckCircleOutlined />} onClick={() => setDeciding({ request: r, verdict: 'approve' })}>
              {t('approvals.approve')}
            </Button>
            <Button danger size="small" icon={<CloseCircleOutlined />} onClick={() => setDeciding({ request: r, verdict: 'reject' })}>
              {t('approvals.reject')}
            </Button>
          </Space>
        ),
    });
  } else {
    columns.push({
      title: t('approvals.decidedBy'),
      key: 'decided',
      width: 240,
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{r.decidedByName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(r.decidedAt)}
          </Typography.Text>
          {r.decisionComment ? <Typography.Text>“{r.decisionComment}”</Typography.Text> : null}
        </Space>
      ),
    });
  }

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('approvals.title')}</Typography.Title>
      </div>
      <Tabs
        activeKey={status}
        onChange={(key) => setParams(key === 'pending' ? {} : { status: key })}
        items={(['pending', 'approved', 'rejected'] as Status[]).map((key) => ({ key, label: t(`approvals.${key}`) }))}
      />
      {list.error && !list.data ? (
        <PageError error={list.error} onRetry={list.reload} />
      ) : (
        <Table<TransitionRequest>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          // The columns' widths add up to what 1280 px leaves beside the menu: nothing scrolls under the fixed 审批 column there.
          scroll={{ x: 900 }}
          data-testid="approvals-table"
          locale={{ emptyText: list.loading ? ' ' : <Empty description={status === 'pending' ? t('approvals.empty') : t('approvals.emptyDone')} /> }}
          pagination={{
            current: page,
            pageSize: 50,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { n: total }),
            onChange: (next) => setParams({ ...(status === 'pending' ? {} : { status }), page: String(next) }),
          }}
        />
      )}
      {deciding ? (
        <DecisionModal
          request={deciding.request}
          verdict={deciding.verdict}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setDeciding(null);
            list.reload();
          }}
        />
      ) : null}
    </>
  );
}
