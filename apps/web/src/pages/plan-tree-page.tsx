import { RightOutlined } from '@ant-design/icons';
import { Badge, Card, Collapse, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { PlanChapter } from '../api/types';
import { PageError } from '../components/problem-alert';
import { useI18n } from '../i18n';
import { projectListLink } from '../lib/project-filters';
import { fetchPlanTree } from '../lib/reference-data';
import { useAsync } from '../lib/use-async';

function Count({ n }: { n: number }) {
  return <Badge count={n} showZero overflowCount={999} color={n ? '#1f4e79' : '#d9d9d9'} />;
}

function ChapterBlock({ chapter }: { chapter: PlanChapter }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Link to={projectListLink({ chapter: chapter.no })} data-testid={`chapter-${chapter.no}`}>
          <Space>
            <span>{`${chapter.label} ${chapter.title}`}</span>
            <Count n={chapter.projectCount} />
          </Space>
        </Link>
      }
      extra={
        chapter.projectCount ? (
          <Link to={projectListLink({ chapter: chapter.no })}>
            {t('plan.openList')} <RightOutlined />
          </Link>
        ) : null
      }
    >
      {chapter.sections.length ? (
        <div style={{ marginBottom: chapter.columns.length ? 8 : 0 }}>
          <Typography.Text type="secondary" style={{ marginRight: 8 }}>
            {t('plan.sections')}
          </Typography.Text>
          <Space wrap size={[4, 4]}>
            {chapter.sections.map((section) => (
              <Tag key={section.no} bordered={false}>
                {`${section.label} ${section.title}`}
                {section.projectCount ? ` · ${section.projectCount}` : ''}
              </Tag>
            ))}
          </Space>
        </div>
      ) : null}
      {chapter.columns.length ? (
        <List
          size="small"
          dataSource={chapter.columns}
          renderItem={(column) => (
            <List.Item
              extra={
                <Link to={projectListLink({ column: column.no })} data-testid={`column-${column.no}`}>
                  {t('plan.projects', { n: column.projectCount })} <RightOutlined />
                </Link>
              }
            >
              <List.Item.Meta
                title={
                  <Link to={projectListLink({ column: column.no })}>
                    <Tag color="blue">{column.label}</Tag>
                    {column.title}
                  </Link>
                }
                description={
                  column.items.length ? (
                    <Space wrap size={[4, 4]}>
                      {column.items.map((item) => (
                        <Tag key={item.no}>
                          {item.label}
                          {item.projectCount ? ` · ${item.projectCount}` : ''}
                        </Tag>
                      ))}
                    </Space>
                  ) : undefined
                }
              />
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}

/** 规划结构: 篇 → 章 → 节 and 专栏, each with its number of projects, each opening the filtered list. */
export default function PlanTreePage() {
  const { t } = useI18n();
  const tree = useAsync(() => fetchPlanTree(), []);
  if (tree.error && !tree.data) return <PageError error={tree.error} onRetry={tree.reload} />;
  if (!tree.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { parts, total, multiCounted } = tree.data;
  const chapters = parts.flatMap((p) => p.chapters);
  const columns = chapters.flatMap((c) => c.columns);
  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('plan.title')}</Typography.Title>
          <Typography.Text type="secondary">
            {t('plan.subtitle', { parts: parts.length, chapters: chapters.length, columns: columns.length, total })}
          </Typography.Text>
          {multiCounted.chapter || multiCounted.column ? (
            <Typography.Paragraph type="secondary" data-testid="plan-multi-counted" style={{ marginBottom: 0 }}>
              {t('plan.multiCounted', { chapter: multiCounted.chapter, column: multiCounted.column, total })}
            </Typography.Paragraph>
          ) : null}
        </div>
      </div>
      {parts.length ? (
        <Collapse
          defaultActiveKey={parts.filter((p) => p.projectCount > 0).map((p) => String(p.no))}
          items={parts.map((part) => ({
            key: String(part.no),
            label: (
              <Space wrap>
                <Typography.Text strong>{`${part.label} ${part.title}`}</Typography.Text>
                <Count n={part.projectCount} />
              </Space>
            ),
            extra: part.projectCount ? (
              <Link to={projectListLink({ part: part.no })} onClick={(e) => e.stopPropagation()} data-testid={`part-${part.no}`}>
                {t('plan.openList')} <RightOutlined />
              </Link>
            ) : null,
            children: part.chapters.map((chapter) => <ChapterBlock key={chapter.no} chapter={chapter} />),
          }))}
        />
      ) : (
        <Empty />
      )}
    </>
  );
}
