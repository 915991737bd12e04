import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Grid, Row, Segmented, Skeleton, Statistic, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { Milestone, ProjectListItem, ProjectPage, TransitionRequestPage } from '../api/types';
import { useUser } from '../auth/auth';
import { MilestoneImport } from '../components/milestone-import';
import { MilestoneTable } from '../components/milestone-table';
import { PageError, ProblemAlert } from '../components/problem-alert';
import { ProjectCards } from '../components/project-cards';
import { RAG_COLORS, RagLight, StageTag, TargetTag } from '../components/tags';
import { useI18n } from '../i18n';
import { projectListLink } from '../lib/project-filters';
import { useAsync } from '../lib/use-async';

/** `refresh` changes after an import, so an expanded row shows the imported dates. */
function ProjectMilestones({ projectId, refresh, onChanged }: { projectId: string; refresh: number; onChanged: () => void }) {
  const milestones = useAsync((signal) => api.get<{ items: Milestone[] }>(`/api/projects/${projectId}/milestones`, undefined, signal), [projectId, refresh]);
  if (milestones.error && !milestones.data) return <ProblemAlert error={milestones.error} onRetry={milestones.reload} />;
  if (!milestones.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  return (
    <MilestoneTable
      compact
      milestones={milestones.data.items}
      canEdit
      canRebaseline={false}
      onChanged={() => {
        milestones.reload();
        onChanged();
      }}
    />
  );
}

/** 我的项目: the signed-in owner's unit's projects, with milestone updates in the rows. */
export default function MyProjectsPage() {
  const { t, tv } = useI18n();
  const user = useUser();
  const unitId = user.unit?.id;
  const [rag, setRag] = useState<string>('all');
  const [expanded, setExpanded] = useState<string[]>([]);
  const [imports, setImports] = useState(0);
  // Below 768 px the projects are cards; a card opens its milestones (as cards too) under it.
  const phone = !Grid.useBreakpoint().md;

  const list = useAsync(
    async (signal) => {
      if (!unitId) return null;
      const [projects, overdue, pending] = await Promise.all([
        api.get<ProjectPage>('/api/projects', { unit: unitId, pageSize: 200, rag: rag === 'all' ? undefined : rag }, signal),
        api.get<ProjectPage>('/api/projects', { unit: unitId, overdue: 'true', pageSize: 1 }, signal),
        api.get<TransitionRequestPage>('/api/transition-requests', { status: 'pending', pageSize: 1 }, signal),
      ]);
      return { projects, overdue: overdue.total, pending: pending.total };
    },
    [unitId, rag],
  );

  if (!unitId) return <Alert type="warning" showIcon message={t('mine.noUnit')} />;
  if (list.error && !list.data) return <PageError error={list.error} onRetry={list.reload} />;

  const items = list.data?.projects.items ?? [];
  const count = (level: string) => items.filter((p) => p.rag === level).length;
  const columns: TableProps<ProjectListItem>['columns'] = [
    { title: t('list.name'), dataIndex: 'name', key: 'name', render: (name: string, p) => <Link to={`/projects/${p.id}`}>{name}</Link> },
    { title: t('list.stage'), dataIndex: 'stage', key: 'stage', width: 110, render: (_, project) => <StageTag stage={project.stage} /> },
    { title: t('list.target'), key: 'target', width: 120, render: (_, p) => <TargetTag target={p.target} ambiguous={p.targetAmbiguous} verb={p.targetVerb} /> },
    { title: t('list.rag'), dataIndex: 'rag', key: 'rag', width: 90, render: (_, project) => <RagLight rag={project.rag} /> },
    { title: t('list.sector'), dataIndex: 'sector', key: 'sector', width: 100, responsive: ['md'], render: (s: string) => tv('sector', s) },
  ];

  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('mine.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('mine.subtitle', { unit: user.unit?.name })}</Typography.Text>
        </div>
      </div>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('mine.projects')} value={rag === 'all' ? items.length : '—'} loading={list.loading && !list.data} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Link to={projectListLink({ unit: user.unit?.code, rag: 'red' })}>
              <Statistic
                title={`${t('rag.red')} / ${t('rag.amber')}`}
                // Red only when something is: an owner whose projects are all green reads 全部绿灯, not a red 0 / 0.
                value={rag !== 'all' ? '—' : count('red') + count('amber') ? `${count('red')} / ${count('amber')}` : t('mine.allGreen')}
                valueStyle={{ color: count('red') ? RAG_COLORS.red : count('amber') ? RAG_COLORS.amber : RAG_COLORS.green }}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Link to={projectListLink({ unit: user.unit?.code, overdue: 'true' })}>
              <Statistic
                title={t('mine.overdue')}
                value={list.data?.overdue ?? 0}
                valueStyle={{ color: (list.data?.overdue ?? 0) > 0 ? RAG_COLORS.amber : undefined }}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('mine.pendingRequests')} value={list.data?.pending ?? 0} />
          </Card>
        </Col>
      </Row>
      <MilestoneImport
        onApplied={() => {
          setImports((n) => n + 1);
          list.reload();
        }}
      />
      <Card
        size="small"
        title={<Typography.Text type="secondary">{phone ? t('mine.cardHint') : t('mine.expandHint')}</Typography.Text>}
        extra={
          <Segmented
            value={rag}
            onChange={(value) => setRag(String(value))}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'red', label: t('rag.red') },
              { value: 'amber', label: t('rag.amber') },
              { value: 'green', label: t('rag.green') },
            ]}
          />
        }
      >
        {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
        {phone ? (
          <ProjectCards
            items={items}
            loading={list.loading}
            empty={t('list.empty')}
            extra={(p) => {
              const open = expanded.includes(p.id);
              return (
                <>
                  <Button
                    block
                    size="large"
                    icon={open ? <UpOutlined /> : <DownOutlined />}
                    onClick={() => setExpanded((keys) => (open ? keys.filter((key) => key !== p.id) : [...keys, p.id]))}
                    data-testid="project-card-milestones"
                  >
                    {t('mine.milestones')}
                  </Button>
                  {open ? (
                    <div style={{ marginTop: 12 }}>
                      <ProjectMilestones projectId={p.id} refresh={imports} onChanged={list.reload} />
                    </div>
                  ) : null}
                </>
              );
            }}
          />
        ) : (
          <Table<ProjectListItem>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={list.loading}
            pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { n: total }) }}
            scroll={{ x: 640 }}
            locale={{ emptyText: list.loading ? ' ' : <Empty description={t('list.empty')} /> }}
            expandable={{
              expandedRowKeys: expanded,
              onExpandedRowsChange: (keys) => setExpanded(keys as string[]),
              expandedRowRender: (p) => <ProjectMilestones projectId={p.id} refresh={imports} onChanged={list.reload} />,
            }}
            data-testid="my-projects-table"
          />
        )}
      </Card>
    </>
  );
}
