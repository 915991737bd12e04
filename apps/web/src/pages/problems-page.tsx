import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Grid, Input, List, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { HTMLAttributes, ReactNode, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import type { Problem, ProblemList, ProblemStatus, SupervisionNotice } from '../api/types';
import { PROBLEM_STATUSES } from '../api/types';
import { PageError, ProblemAlert } from '../components/problem-alert';
import { categoryOptions, OverdueDays, ProblemDrawer, ProblemStatusTag } from '../components/problem-thread';
import { FilterSelect } from '../components/filter-select';
import { useI18n } from '../i18n';
import { formatDate, formatDateTime } from '../lib/dates';
import { useUnits } from '../lib/reference-data';
import { useAsync } from '../lib/use-async';

/** The filters a link may carry (the dashboard's category bars link to ?category=…). */
const FILTERS = ['status', 'unit', 'overdue', 'category', 'q'] as const;
type FilterName = (typeof FILTERS)[number];

/** A labelled line of a phone card. */
function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ display: 'flex', gap: 8, minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ flex: 'none' }}>
        {label}
      </Typography.Text>
      <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{children}</span>
    </div>
  );
}

/** 问题清单: every problem of the caller's scope, filtered; a row opens its thread (where reviewers assign, close, reopen). */
function ProblemsTab({
  params,
  fresh,
  setFilter,
  openProblem,
}: {
  params: URLSearchParams;
  fresh: number;
  setFilter: (name: FilterName, value?: string) => void;
  openProblem: (id: string) => void;
}) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const units = useUnits();
  const status = params.get('status') ?? undefined;
  const unit = params.get('unit') ?? undefined;
  const overdue = params.get('overdue') ?? undefined;
  const category = params.get('category') ?? undefined;
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const list = useAsync((signal) => api.get<ProblemList>('/api/problems', { status, unitId: unit, overdue }, signal), [status, unit, overdue, fresh]);
  const items = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (list.data?.items ?? []).filter(
      (problem) =>
        (!category || problem.category === category) &&
        (!needle || problem.title.toLowerCase().includes(needle) || problem.projectName.toLowerCase().includes(needle)),
    );
  }, [list.data, category, q]);
  const filtered = FILTERS.some((name) => params.get(name));

  const title = (problem: Problem) => (
    <Typography.Link onClick={() => openProblem(problem.id)} data-testid="problem-open" style={{ overflowWrap: 'anywhere' }}>
      {problem.title}
    </Typography.Link>
  );
  const columns: TableProps<Problem>['columns'] = [
    { title: t('problems.col.title'), key: 'title', render: (_: unknown, problem) => title(problem) },
    {
      title: t('problems.col.project'),
      key: 'project',
      render: (_: unknown, problem) => (
        <>
          <Link to={`/projects/${problem.projectId}`}>{problem.projectName}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {problem.projectUnitName}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('problems.col.category'),
      dataIndex: 'category',
      width: 110,
      render: (value: string) => t(`problems.category.${value}` as 'problems.category.land'),
    },
    {
      title: t('problems.col.raised'),
      key: 'raised',
      width: 130,
      render: (_: unknown, problem) => (
        <>
          {problem.raisedByName ?? '—'}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDate(problem.createdAt)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('problems.col.unit'), dataIndex: 'assignedUnitName', width: 130, render: (value: string | null) => value ?? '—' },
    { title: t('problems.col.dueDate'), dataIndex: 'dueDate', width: 110, render: (value: string | null) => formatDate(value) },
    { title: t('problems.col.status'), dataIndex: 'status', width: 90, render: (value: ProblemStatus) => <ProblemStatusTag status={value} /> },
    { title: t('problems.col.overdue'), key: 'overdue', width: 110, render: (_: unknown, problem) => <OverdueDays problem={problem} /> },
  ];

  const empty = filtered ? t('problems.emptyFiltered') : t('problems.empty');
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Row gutter={[8, 8]}>
          <Col xs={12} md={6} xl={4}>
            <FilterSelect
              placeholder={t('problems.filter.status')}
              value={status}
              onChange={(value) => setFilter('status', value)}
              options={PROBLEM_STATUSES.map((s) => ({ value: s, label: t(`problems.status.${s}`) }))}
              testId="filter-status"
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <FilterSelect
              placeholder={t('problems.filter.overdue')}
              value={overdue}
              onChange={(value) => setFilter('overdue', value)}
              options={[
                { value: 'true', label: t('problems.filter.overdueOnly') },
                { value: 'false', label: t('problems.filter.notOverdue') },
              ]}
              testId="filter-overdue"
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            <FilterSelect
              placeholder={t('problems.filter.category')}
              value={category}
              onChange={(value) => setFilter('category', value)}
              options={categoryOptions(t)}
              testId="filter-category"
            />
          </Col>
          <Col xs={12} md={6} xl={5}>
            <FilterSelect
              search
              placeholder={t('problems.filter.unit')}
              value={unit}
              onChange={(value) => setFilter('unit', value)}
              options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))}
              testId="filter-unit"
            />
          </Col>
          <Col xs={24} xl={7}>
            <Input.Search
              allowClear
              placeholder={t('problems.filter.search')}
              aria-label={t('problems.filter.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(value) => setFilter('q', value.trim() || undefined)}
              data-testid="filter-search"
            />
          </Col>
        </Row>
      </Card>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      <Typography.Text type="secondary" data-testid="problems-count">
        {t('common.total', { n: items.length })}
      </Typography.Text>
      {phone ? (
        <List
          loading={list.loading && !list.data}
          dataSource={items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
          renderItem={(problem) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="problem-row" data-problem-id={problem.id}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                {title(problem)}
                <Space wrap size={[8, 4]}>
                  <ProblemStatusTag status={problem.status} />
                  <Tag bordered={false}>{t(`problems.category.${problem.category}`)}</Tag>
                  <OverdueDays problem={problem} quiet />
                </Space>
                <Line label={t('problems.col.project')}>
                  <Link to={`/projects/${problem.projectId}`}>{problem.projectName}</Link>
                </Line>
                <Line label={t('problems.col.raised')}>{`${problem.raisedByName ?? '—'} ${formatDate(problem.createdAt)}`}</Line>
                {problem.assignedUnitName ? <Line label={t('problems.col.unit')}>{`${problem.assignedUnitName} · ${formatDate(problem.dueDate)}`}</Line> : null}
              </Space>
            </Card>
          )}
        />
      ) : (
        <Table<Problem>
          rowKey="id"
          size="middle"
          loading={list.loading && !list.data}
          dataSource={items}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(problem) => ({ 'data-testid': 'problem-row', 'data-problem-id': problem.id }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: empty }}
        />
      )}
    </Space>
  );
}

/** 督办单: number, problem, unit, issued, reply demanded by, replied or not, the Word document. */
function SupervisionTab({ fresh, openProblem }: { fresh: number; openProblem: (id: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const phone = !Grid.useBreakpoint().md;
  const list = useAsync((signal) => api.get<{ items: SupervisionNotice[] }>('/api/supervision-notices', undefined, signal), [fresh]);
  const [error, setError] = useState<unknown>(null);

  const download = async (notice: SupervisionNotice) => {
    setError(null);
    try {
      await api.download(notice.documentUrl, undefined, `督办单-${notice.year}-${notice.sequence}.docx`);
      void message.success(t('supervision.downloaded'));
    } catch (reason) {
      setError(reason);
    }
  };
  const answered = (notice: SupervisionNotice) =>
    notice.answeredAt ? (
      <Tag color="green" data-testid="notice-answered">
        {t('supervision.answeredAt', { when: formatDateTime(notice.answeredAt) })}
      </Tag>
    ) : (
      <Tag color="red" data-testid="notice-answered">
        {t('supervision.notAnswered')}
      </Tag>
    );
  const downloadButton = (notice: SupervisionNotice) => (
    <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(notice)} data-testid="notice-download">
      {t('supervision.download')}
    </Button>
  );
  const problemLink = (notice: SupervisionNotice) => (
    <>
      <Typography.Link onClick={() => openProblem(notice.problemId)}>{notice.problemTitle}</Typography.Link>
      <div>
        <Link to={`/projects/${notice.projectId}`} style={{ fontSize: 12 }}>
          {notice.projectName}
        </Link>
      </div>
    </>
  );
  const columns: TableProps<SupervisionNotice>['columns'] = [
    { title: t('supervision.number'), dataIndex: 'number', width: 150, render: (value: string) => <Typography.Text strong>{value}</Typography.Text> },
    { title: t('supervision.problem'), key: 'problem', render: (_: unknown, notice) => problemLink(notice) },
    { title: t('supervision.unit'), dataIndex: 'unitName', width: 140 },
    { title: t('supervision.issuedAt'), dataIndex: 'createdAt', width: 110, render: (value: string) => formatDate(value) },
    { title: t('supervision.replyBy'), dataIndex: 'replyBy', width: 120, render: (value: string) => formatDate(value) },
    { title: t('supervision.answered'), key: 'answered', width: 190, render: (_: unknown, notice) => answered(notice) },
    { title: '', key: 'document', width: 130, render: (_: unknown, notice) => downloadButton(notice) },
  ];

  if (list.error && !list.data) return <PageError error={list.error} onRetry={list.reload} />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <ProblemAlert error={error} onClose={() => setError(null)} />
      {phone ? (
        <List
          loading={list.loading && !list.data}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.empty')} /> }}
          renderItem={(notice) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="notice-row" data-notice-id={notice.id}>
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Text strong>{notice.number}</Typography.Text>
                {problemLink(notice)}
                <Line label={t('supervision.unit')}>{notice.unitName}</Line>
                <Line label={t('supervision.issuedAt')}>{formatDate(notice.createdAt)}</Line>
                <Line label={t('supervision.replyBy')}>{formatDate(notice.replyBy)}</Line>
                <Space wrap>
                  {answered(notice)}
                  {downloadButton(notice)}
                </Space>
              </Space>
            </Card>
          )}
        />
      ) : (
        <Table<SupervisionNotice>
          rowKey="id"
          size="middle"
          loading={list.loading && !list.data}
          dataSource={list.data?.items ?? []}
          columns={columns}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          onRow={(notice) => ({ 'data-testid': 'notice-row', 'data-notice-id': notice.id }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('supervision.empty') }}
        />
      )}
    </Space>
  );
}

/** 问题清单 and 督办单, for every role; the problem opened in a drawer is in the address (?problem=…), so a link can open it. */
export default function ProblemsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'supervision' ? 'supervision' : 'list';
  const openId = params.get('problem');

  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );
  const setFilter = (name: FilterName, value?: string) => update((next) => (value ? next.set(name, value) : next.delete(name)));
  const openProblem = (id: string | null) => update((next) => (id ? next.set('problem', id) : next.delete('problem')));
  // A change in the drawer (assigned, closed, a reply) shows in the list behind it.
  const [fresh, setFresh] = useState(0);
  const reloadList = () => setFresh((n) => n + 1);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="problems-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('problems.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => update((next) => (key === 'supervision' ? next.set('tab', key) : next.delete('tab')))}
        items={[
          {
            key: 'list',
            label: t('problems.tab.list'),
            children: <ProblemsTab params={params} fresh={fresh} setFilter={setFilter} openProblem={openProblem} />,
          },
          { key: 'supervision', label: t('problems.tab.supervision'), children: <SupervisionTab fresh={fresh} openProblem={openProblem} /> },
        ]}
      />
      <ProblemDrawer problemId={openId} onClose={() => openProblem(null)} onChanged={reloadList} />
    </Space>
  );
}
