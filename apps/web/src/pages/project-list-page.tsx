import { ClearOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Grid, Input, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { PROJECT_STATUSES, ProjectListItem, ProjectPage, ProjectSort, RAG_LEVELS, SECTORS, STAGES } from '../api/types';
import { LightTag } from '../components/investment-tags';
import { ProjectCards } from '../components/project-cards';
import { PageError, ProblemAlert } from '../components/problem-alert';
import { RagLight, StageTag, TargetTag } from '../components/tags';
import { FilterSelect } from '../components/filter-select';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { activeFilterCount, filtersFromParams, filtersQuery, PAGE_SIZES, paramsFromFilters, ProjectFilters } from '../lib/project-filters';
import { indexPlan, usePlanTree, useUnits } from '../lib/reference-data';
import { formatAmount, formatRate } from '../lib/investment';
import { useAsync } from '../lib/use-async';

/** The sorts a column header offers: the API's, less the plan order and the row's own update time (no column of their own). */
type SortKey = Exclude<ProjectSort, 'plan' | 'updatedAt'>;

export default function ProjectListPage() {
  const { t, tv } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const plan = usePlanTree();
  const planIndex = useMemo(() => indexPlan(plan), [plan]);
  const units = useUnits();
  const [q, setQ] = useState(filters.q ?? '');
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  // Below 768 px the table becomes cards (name, stage, light, next milestone): a phone cannot show the columns.
  const phone = !Grid.useBreakpoint().md;
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const list = useAsync((signal) => api.get<ProjectPage>('/api/projects', filtersQuery(filters), signal), [params.toString()]);

  const update = (change: Partial<ProjectFilters>, resetPage = true) => {
    const next: ProjectFilters = { ...filters, ...change, ...(resetPage ? { page: 1 } : {}) };
    setParams(paramsFromFilters(next));
  };

  const unitValue = filters.unit ? (units?.find((u) => u.id === filters.unit || u.code === filters.unit)?.code ?? filters.unit) : undefined;

  const exportExcel = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const { count } = await api.download('/api/projects/export.xlsx', filtersQuery(filters, false), 'projects.xlsx');
      message.success(t('list.exported', { n: count ?? '' }));
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const sortOrder = (key: SortKey) => (filters.sort === key ? 'ascend' : filters.sort === `-${key}` ? 'descend' : null);

  const columns: TableProps<ProjectListItem>['columns'] = [
    {
      title: t('list.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      fixed: 'left',
      width: 230,
      render: (name: string, project) => (
        <Link to={`/projects/${project.id}`} data-testid="project-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('list.column'),
      dataIndex: 'column',
      key: 'column',
      sorter: true,
      sortOrder: sortOrder('column'),
      width: 92,
      render: (_: number, project) => (
        <Space size={2} wrap>
          {(project.columns?.length ? project.columns : [project.column]).map((no) => (
            <Tooltip key={no} title={planIndex.column.get(no)?.title}>
              <Tag bordered={false}>{t('list.columnNo', { n: no })}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('list.chapter'),
      dataIndex: 'chapter',
      key: 'chapter',
      sorter: true,
      sortOrder: sortOrder('chapter'),
      width: 180,
      responsive: ['md'],
      render: (no: number) => (
        <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 170 }}>
          {planIndex.chapter.get(no) ? `${planIndex.chapter.get(no)?.label} ${planIndex.chapter.get(no)?.title}` : t('list.chapterNo', { n: no })}
        </Typography.Text>
      ),
    },
    {
      title: t('list.sector'),
      dataIndex: 'sector',
      key: 'sector',
      sorter: true,
      sortOrder: sortOrder('sector'),
      width: 90,
      render: (s: string) => tv('sector', s),
    },
    { title: t('list.unit'), dataIndex: 'unitName', key: 'unit', width: 116, responsive: ['sm'] },
    {
      title: t('list.projectCode'),
      dataIndex: 'projectCode',
      key: 'projectCode',
      width: 150,
      responsive: ['xl'],
      render: (code: string | null) => code ?? '—',
    },
    {
      title: t('list.totalInvestment'),
      dataIndex: 'totalInvestment',
      key: 'totalInvestment',
      width: 120,
      align: 'right',
      responsive: ['xl'],
      render: (amount: string | null) => formatAmount(amount),
    },
    // The page's investment figures (months 1–m of the answer's year; '—' without a plan, or outside an owner's unit).
    {
      title: t('list.plannedInvestment', { year: list.data?.year ?? '' }),
      dataIndex: 'plannedInvestment',
      key: 'plannedInvestment',
      sorter: true,
      sortOrder: sortOrder('plannedInvestment'),
      width: 130,
      align: 'right',
      responsive: ['lg'],
      render: (amount: string | null) => formatAmount(amount),
    },
    {
      title: t('list.completedYtd'),
      dataIndex: 'completedYtd',
      key: 'completedYtd',
      sorter: true,
      sortOrder: sortOrder('completedYtd'),
      width: 120,
      align: 'right',
      responsive: ['lg'],
      render: (amount: string | null) => formatAmount(amount),
    },
    {
      title: t('list.completionRate'),
      dataIndex: 'completionRate',
      key: 'completionRate',
      sorter: true,
      sortOrder: sortOrder('completionRate'),
      width: 96,
      align: 'right',
      render: (rate: number | null) => <span data-testid="completion-rate">{formatRate(rate)}</span>,
    },
    {
      title: t('list.stage'),
      dataIndex: 'stage',
      key: 'stage',
      sorter: true,
      sortOrder: sortOrder('stage'),
      width: 104,
      render: (_, project) => <StageTag stage={project.stage} />,
    },
    {
      title: t('list.target'),
      dataIndex: 'target',
      key: 'target',
      sorter: true,
      sortOrder: sortOrder('target'),
      width: 112,
      render: (_: string, p) => <TargetTag target={p.target} ambiguous={p.targetAmbiguous} verb={p.targetVerb} />,
    },
    { title: t('list.rag'), dataIndex: 'rag', key: 'rag', width: 84, render: (_, project) => <RagLight rag={project.rag} /> },
    // The project light (milestones and the 调度's lights; its reasons are on the project page); '—' outside an owner's unit.
    {
      title: t('list.light'),
      dataIndex: 'light',
      key: 'light',
      width: 84,
      render: (_, project) => (project.light ? <LightTag light={project.light} /> : '—'),
    },
    // 最近更新: the latest change to the project or any of its milestones (as the project page says it).
    {
      title: t('list.updatedAt'),
      dataIndex: 'lastChangedAt',
      key: 'lastChangedAt',
      sorter: true,
      sortOrder: sortOrder('lastChangedAt'),
      width: 150,
      render: (value: string) => <span data-testid="last-changed-at">{formatDateTime(value)}</span>,
    },
  ];

  const onTableChange: TableProps<ProjectListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = one?.columnKey === 'unit' ? undefined : (one?.columnKey as SortKey | undefined);
      update({ sort: one?.order && key ? (one.order === 'descend' ? `-${key}` : key) : undefined });
      return;
    }
    update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? filters.pageSize }, false);
  };

  const select = (key: keyof ProjectFilters, placeholder: string, options: Array<{ value: string | number; label: string }>, value?: string | number) => (
    <FilterSelect<string | number>
      search
      wideList
      placeholder={placeholder}
      value={value ?? filters[key]}
      onChange={(next) => update({ [key]: next })}
      options={options}
      testId={`filter-${key}`}
    />
  );

  const chapters = [...planIndex.chapter.entries()].map(([no, c]) => ({ value: no, label: `${c.label} ${c.title}` }));
  const columnsOptions = [...planIndex.column.entries()].map(([no, c]) => ({ value: no, label: `${c.label} ${c.title}` }));
  const parts = [...planIndex.part.entries()].map(([no, p]) => ({ value: no, label: `${p.label} ${p.title}` }));
  const activeCount = activeFilterCount(filters);

  return (
    <>
      <div className="page-header">
        <Space align="center" wrap>
          <Typography.Title level={3}>{t('list.title')}</Typography.Title>
          {list.data ? (
            <Typography.Text type="secondary" data-testid="list-total">
              {t('common.total', { n: list.data.total })}
            </Typography.Text>
          ) : null}
          {list.data ? (
            <Typography.Text type="secondary" data-testid="list-figures-period">
              {t('list.figuresPeriod', { year: list.data.year, month: list.data.month })}
            </Typography.Text>
          ) : null}
          {activeCount ? <Tag color="blue">{`${t('list.filtersActive')} · ${activeCount}`}</Tag> : null}
        </Space>
        <Space wrap>
          <Button icon={<ClearOutlined />} onClick={() => setParams(new URLSearchParams())} disabled={!activeCount && !filters.sort}>
            {t('list.clearFilters')}
          </Button>
          <Button type="primary" icon={<FileExcelOutlined />} loading={exporting} onClick={exportExcel} data-testid="export-excel">
            {exporting ? t('list.exporting') : t('list.export')}
          </Button>
        </Space>
      </div>
      <ProblemAlert error={exportError} onClose={() => setExportError(null)} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} className="filters">
          <Col xs={24} md={12} xl={8}>
            <Input.Search
              allowClear
              value={q}
              placeholder={t('list.q')}
              aria-label={t('list.q')}
              onChange={(e) => {
                setQ(e.target.value);
                if (!e.target.value && filters.q) update({ q: undefined });
              }}
              onSearch={(value) => update({ q: value.trim() || undefined })}
              enterButton={t('common.search')}
              data-testid="filter-q"
            />
          </Col>
          <Col xs={12} md={6} xl={4}>
            {select('chapter', t('list.chapter'), chapters)}
          </Col>
          <Col xs={12} md={6} xl={4}>
            {select('column', t('list.column'), columnsOptions)}
          </Col>
          <Col xs={12} md={6} xl={4}>
            {select(
              'sector',
              t('list.sector'),
              SECTORS.map((s) => ({ value: s, label: tv('sector', s) })),
            )}
          </Col>
          <Col xs={12} md={6} xl={4}>
            {select(
              'unit',
              t('list.unit'),
              (units ?? []).map((u) => ({ value: u.code, label: u.name })),
              unitValue,
            )}
          </Col>
          <Col xs={12} md={6} xl={4}>
            {select(
              'stage',
              t('list.stage'),
              PROJECT_STATUSES.map((s) => ({ value: s, label: tv('stage', s) })),
            )}
          </Col>
          <Col xs={12} md={6} xl={4}>
            {select(
              'target',
              t('list.target'),
              STAGES.map((s) => ({ value: s, label: tv('target', s) })),
            )}
          </Col>
          <Col xs={12} md={6} xl={4}>
            {select(
              'rag',
              t('list.rag'),
              RAG_LEVELS.map((r) => ({ value: r, label: tv('rag', r) })),
            )}
          </Col>
          <Col xs={12} md={6} xl={4}>
            {select('overdue', t('list.overdue'), [
              { value: 'true', label: t('list.overdueYes') },
              { value: 'false', label: t('list.overdueNo') },
            ])}
          </Col>
          <Col xs={24} md={12} xl={8}>
            {select('part', t('list.part'), parts)}
          </Col>
        </Row>
      </Card>
      {list.error && !list.data ? (
        <PageError error={list.error} onRetry={list.reload} />
      ) : (
        <>
          {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
          {phone ? (
            <ProjectCards
              items={list.data?.items ?? []}
              loading={list.loading}
              empty={t('list.cardsEmpty')}
              pagination={{
                current: filters.page,
                pageSize: filters.pageSize,
                total: list.data?.total ?? 0,
                onChange: (page, pageSize) => update({ page, pageSize }, false),
              }}
            />
          ) : (
            <Table<ProjectListItem>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={list.data?.items ?? []}
              loading={list.loading}
              onChange={onTableChange}
              scroll={{ x: 'max-content' }}
              sticky
              data-testid="project-table"
              locale={{
                emptyText: list.loading ? (
                  ' '
                ) : (
                  <Empty description={t('list.empty')}>
                    {activeCount ? <Button onClick={() => setParams(new URLSearchParams())}>{t('list.clearFilters')}</Button> : null}
                  </Empty>
                ),
              }}
              pagination={{
                current: filters.page,
                pageSize: filters.pageSize,
                total: list.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: PAGE_SIZES,
                showTotal: (total) => t('common.total', { n: total }),
                responsive: true,
              }}
            />
          )}
        </>
      )}
    </>
  );
}
