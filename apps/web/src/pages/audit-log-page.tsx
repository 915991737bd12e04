import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Col, DatePicker, Row, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { AuditActor, AuditKindOption, AuditLogItem, AuditLogPage, UnitWithCount } from '../api/types';
import { PageError, ProblemAlert } from '../components/problem-alert';
import { FilterSelect } from '../components/filter-select';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { useAsync } from '../lib/use-async';

interface Filters {
  unitId?: string;
  userId?: string;
  kind?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 20;

/**
 * 操作日志: every change across projects and every admin's change to users and units, newest first, for the DRC's reviewers,
 * the district's leaders and admins; filtered and exported to Excel.
 */
export default function AuditLogPage() {
  const { t, language } = useI18n();
  const { message } = AntApp.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const units = useAsync((signal) => api.get<{ items: UnitWithCount[] }>('/api/units', undefined, signal), []);
  const actors = useAsync((signal) => api.get<{ items: AuditActor[] }>('/api/audit/actors', undefined, signal), []);
  const kinds = useAsync((signal) => api.get<{ items: AuditKindOption[] }>('/api/audit/kinds', undefined, signal), []);
  const log = useAsync(
    (signal) => api.get<AuditLogPage>('/api/audit', { ...filters, page, pageSize: PAGE_SIZE }, signal),
    [filters.unitId, filters.userId, filters.kind, filters.from, filters.to, page],
  );

  const change = (next: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setPage(1);
  };
  const exportExcel = async () => {
    setExporting(true);
    setError(null);
    try {
      const { count } = await api.download('/api/audit/export.xlsx', { ...filters }, 'audit-log.xlsx');
      message.success(t('audit.exported', { n: count ?? 0 }));
    } catch (caught) {
      setError(caught);
    } finally {
      setExporting(false);
    }
  };
  const range = (dates: null | [Dayjs | null, Dayjs | null]) => change({ from: dates?.[0]?.format('YYYY-MM-DD'), to: dates?.[1]?.format('YYYY-MM-DD') });

  const columns: TableProps<AuditLogItem>['columns'] = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 140,
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
    },
    { title: t('audit.actor'), key: 'actor', width: 150, render: (_, row) => row.actor.name },
    { title: t('audit.unit'), key: 'unit', width: 120, render: (_, row) => row.unit?.name ?? '—' },
    {
      title: t('audit.project'),
      key: 'project',
      width: 220,
      render: (_, row) =>
        row.project ? (
          <>
            <Link to={`/projects/${row.project.id}`}>{row.project.name}</Link>
            {row.project.code ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {row.project.code}
                </Typography.Text>
              </div>
            ) : null}
          </>
        ) : (
          '—'
        ),
    },
    { title: t('audit.kind'), key: 'kind', width: 140, render: (_, row) => <Tag>{row.kindLabel[language]}</Tag> },
    { title: t('audit.summary'), dataIndex: 'summary', key: 'summary', width: 360 },
  ];

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportExcel} data-testid="audit-export">
          {t('audit.export')}
        </Button>
      </div>
      <ProblemAlert error={error} onClose={() => setError(null)} style={{ marginBottom: 16 }} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} data-testid="audit-filters">
          <Col xs={24} sm={12} lg={6}>
            <FilterSelect
              search
              placeholder={t('audit.anyUnit')}
              label={t('audit.unit')}
              value={filters.unitId}
              onChange={(unitId) => change({ unitId })}
              options={(units.data?.items ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
              testId="audit-unit"
            />
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <FilterSelect
              search
              placeholder={t('audit.anyUser')}
              label={t('audit.actor')}
              value={filters.userId}
              onChange={(userId) => change({ userId })}
              options={(actors.data?.items ?? []).map((actor) => ({ value: actor.id, label: actor.unit ? `${actor.name}（${actor.unit.name}）` : actor.name }))}
              testId="audit-user"
            />
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <FilterSelect
              search
              placeholder={t('audit.anyKind')}
              label={t('audit.kind')}
              value={filters.kind}
              onChange={(kind) => change({ kind })}
              options={(kinds.data?.items ?? []).map((kind) => ({ value: kind.code, label: kind.label[language] }))}
              testId="audit-kind"
            />
          </Col>
          <Col xs={24} sm={12} lg={8}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              allowEmpty={[true, true]}
              placeholder={[t('audit.from'), t('audit.to')]}
              onChange={(dates) => range(dates)}
              data-testid="audit-dates"
            />
          </Col>
        </Row>
      </Card>
      {log.error && !log.data ? (
        <PageError error={log.error} onRetry={log.reload} />
      ) : (
        <Table<AuditLogItem>
          rowKey="id"
          columns={columns}
          dataSource={log.data?.items ?? []}
          loading={log.loading}
          size="middle"
          scroll={{ x: 1130 }}
          locale={{ emptyText: t('audit.empty') }}
          data-testid="audit-table"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: log.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('common.total', { n }),
            onChange: setPage,
            size: 'small',
          }}
        />
      )}
    </>
  );
}
