import { Card, Empty, Pagination, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { ProjectListItem } from '../api/types';
import { useI18n } from '../i18n';
import { LightTag } from './investment-tags';
import { milestoneName } from './milestone-table';
import { RagLight, StageTag } from './tags';

/**
 * The project list on a phone (< 768 px): one card per project with what an owner looks for first — its name, stage,
 * light and the next milestone due (red when overdue). The project light where the reader may see it, else the RAG.
 */
export function ProjectCards({
  items,
  loading,
  empty,
  pagination,
  extra,
}: {
  items: readonly ProjectListItem[];
  loading: boolean;
  empty: ReactNode;
  pagination?: { current: number; pageSize: number; total: number; onChange: (page: number, pageSize: number) => void };
  /** More on each card (a button), after the next milestone. */
  extra?: (project: ProjectListItem) => ReactNode;
}) {
  const { t, tv, language } = useI18n();
  if (loading && !items.length) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!items.length) return <Empty description={empty} />;
  return (
    <div className="project-cards" data-testid="project-cards">
      {items.map((project) => {
        const next = project.nextMilestone;
        return (
          <Card key={project.id} size="small" data-testid="project-card">
            <div className="project-card-head">
              <Link to={`/projects/${project.id}`} className="project-card-name" data-testid="project-link">
                {project.name}
              </Link>
            </div>
            <div className="project-card-meta">
              <StageTag stage={project.stage} />
              {project.light ? <LightTag light={project.light} /> : <RagLight rag={project.rag} />}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {project.unitName}
              </Typography.Text>
            </div>
            <div className="project-card-next" data-testid="project-card-next">
              <Typography.Text type="secondary">{t('list.nextMilestone')}：</Typography.Text>
              {next ? (
                <Typography.Text type={next.overdueDays > 0 ? 'danger' : undefined}>
                  {milestoneName(next, language, tv)} ·{' '}
                  {next.overdueDays > 0 ? t('ms.overdue', { days: next.overdueDays }) : t('list.dueOn', { date: next.dueDate })}
                  {next.overdueDays > 0 ? `（${next.dueDate}）` : ''}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('list.noNextMilestone')}</Typography.Text>
              )}
            </div>
            {extra ? <div style={{ marginTop: 10 }}>{extra(project)}</div> : null}
          </Card>
        );
      })}
      {pagination && pagination.total > pagination.pageSize ? (
        <Pagination simple current={pagination.current} pageSize={pagination.pageSize} total={pagination.total} onChange={pagination.onChange} />
      ) : null}
    </div>
  );
}
