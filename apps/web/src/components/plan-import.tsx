import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { PlanImportResult, PlanImportRow } from '../api/types';
import { useI18n } from '../i18n';
import { postWorkbook } from './excel-upload';
import { ProblemAlert } from './problem-alert';

/**
 * Reviewers' 年度计划 by Excel: the year's template (every project prefilled with its plan) and the upload. The API
 * checks every row and imports all or nothing; a 422 lists each bad row's errors, as the monthly-report import shows
 * them. (The plan import has no dry run, so there is no preview to confirm: a valid file is imported at once.)
 */
export function PlanImport({ year }: { year: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'download' | 'upload' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<PlanImportResult | null>(null);

  const download = async () => {
    setBusy('download');
    setError(null);
    try {
      const { fileName } = await api.download('/api/investment-plans/template.xlsx', { year }, `investment-plans-${year}.xlsx`);
      message.success(t('import.downloaded', { file: fileName }));
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(null);
    }
  };

  const upload = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      setError(new Error(t('import.notXlsx')));
      return;
    }
    setBusy('upload');
    setError(null);
    setResult(null);
    try {
      const answer = await postWorkbook<PlanImportResult>('/api/investment-plans/import', file, { year });
      setResult(answer);
      if (answer.applied) message.success(t('plan.importApplied', { ...answer.summary }));
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(null);
    }
  };

  const bad = (result?.rows ?? []).filter((row) => row.errors.length);
  const columns: TableProps<PlanImportRow>['columns'] = [
    { title: t('import.row'), dataIndex: 'row', key: 'row', width: 70 },
    { title: t('import.project'), key: 'project', render: (_, row) => row.projectName ?? '—' },
    {
      title: t('import.errors'),
      key: 'errors',
      render: (_, row) => (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {row.errors.map((e, i) => (
            <li key={`${e.field}-${i}`}>
              <Typography.Text type="danger">{e.message}</Typography.Text>
            </li>
          ))}
        </ul>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('plan.importTitle', { year })}
      style={{ marginTop: 16 }}
      data-testid="plan-import"
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={busy === 'download'} data-testid="plan-template-download">
          {t('import.download')}
        </Button>
      }
    >
      <Space wrap>
        <Upload
          accept=".xlsx"
          multiple={false}
          showUploadList={false}
          disabled={busy !== null}
          beforeUpload={(file) => {
            void upload(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy === 'upload'} data-testid="plan-upload">
            {t('plan.upload')}
          </Button>
        </Upload>
        <Typography.Text type="secondary">{t('plan.importHint')}</Typography.Text>
      </Space>
      <ProblemAlert error={error} onClose={() => setError(null)} style={{ marginTop: 12 }} />
      {result && !result.applied ? (
        <div style={{ marginTop: 12 }} data-testid="plan-import-errors">
          <Alert type="error" showIcon role="alert" message={t('import.hasErrors', { n: bad.length })} style={{ marginBottom: 8 }} />
          <Table<PlanImportRow> rowKey="row" size="small" columns={columns} dataSource={bad} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
        </div>
      ) : null}
      {result?.applied ? (
        <Tag color="success" style={{ marginTop: 12 }} data-testid="plan-import-applied">
          {t('plan.importApplied', { ...result.summary })}
        </Tag>
      ) : null}
    </Card>
  );
}
