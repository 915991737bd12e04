import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { ProblemList } from '../api/types';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/dates';
import { useAsync } from '../lib/use-async';
import { ProblemAlert } from './problem-alert';
import { OverdueDays, ProblemDrawer, ProblemStatusTag, RaiseProblemModal } from './problem-thread';

/** 问题 on a project's page: its problems with where each stands, the thread on a click, and 提出问题 for its owners. */
export function ProjectProblemsCard({ projectId, canRaise }: { projectId: string; canRaise: boolean }) {
  const { t } = useI18n();
  const list = useAsync((signal) => api.get<ProblemList>('/api/problems', { projectId }, signal), [projectId]);
  const [raising, setRaising] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <Card
      title={t('problems.projectCard')}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="project-problems"
      extra={
        <Space wrap size={8}>
          <Link to="/problems">{t('problems.openAll')}</Link>
          {canRaise ? (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setRaising(true)} data-testid="raise-problem">
              {t('problems.raise')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data?.items.length ? (
        <List
          size="small"
          dataSource={list.data.items}
          renderItem={(problem) => (
            <List.Item data-testid="project-problem" data-problem-id={problem.id} style={{ flexWrap: 'wrap', gap: 8 }}>
              <Typography.Link onClick={() => setOpenId(problem.id)} style={{ overflowWrap: 'anywhere' }}>
                {problem.title}
              </Typography.Link>
              <Space wrap size={[8, 4]}>
                <ProblemStatusTag status={problem.status} />
                <Typography.Text type="secondary">{t(`problems.category.${problem.category}`)}</Typography.Text>
                {problem.assignedUnitName ? (
                  <Typography.Text type="secondary">
                    {problem.assignedUnitName} · {formatDate(problem.dueDate)}
                  </Typography.Text>
                ) : null}
                <OverdueDays problem={problem} quiet />
              </Space>
            </List.Item>
          )}
        />
      ) : list.data ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problems.projectEmpty')} />
      ) : null}
      {raising ? (
        <RaiseProblemModal
          projectId={projectId}
          onClose={() => setRaising(false)}
          onRaised={() => {
            setRaising(false);
            list.reload();
          }}
        />
      ) : null}
      <ProblemDrawer problemId={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </Card>
  );
}
