import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { MilestoneImportResult, MilestoneImportRow } from '../api/types';
import { useI18n } from '../i18n';
import { postWorkbook } from './excel-upload';
import { ProblemAlert } from './problem-alert';

const IMPORT_PATH = '/api/milestones/import';

/**
 * 批量导入: download the template of open milestones, upload it filled in, see every row checked (a dry run), and
 * confirm — enabled only when no row has an error; then all updates apply at once and `onApplied` refreshes the page.
 */
export function MilestoneImport({ onApplied }: { onApplied: () => void }) {
  const { t, tv } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<MilestoneImportResult | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [busy, setBusy] = useState<'download' | 'check' | 'apply' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [showUnchanged, setShowUnchanged] = useState(false);

  const download = async () => {
    setBusy('download');
    setError(null);
    try {
      const { fileName } = await api.download('/api/milestones/import-template.xlsx', undefined, 'milestone-import-template.xlsx');
      message.success(t('import.downloaded', { file: fileName }));
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(null);
    }
  };

  const send = async (chosen: File, dryRun: boolean) => {
    setBusy(dryRun ? 'check' : 'apply');
    setProgress(0);
    setError(null);
    try {
      const result = await postWorkbook<MilestoneImportResult>(IMPORT_PATH, chosen, {
        query: dryRun ? { dryRun: 'true' } : undefined,
        onProgress: setProgress,
      });
      if (dryRun || !result.applied) {
        setPreview(result);
        return;
      }
      message.success(t('import.applied', { update: result.summary.update, unchanged: result.summary.unchanged }));
      setPreview(null);
      setFile(null);
      onApplied();
    } catch (reason) {
      setError(reason);
      if (dryRun) setPreview(null);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const choose = (chosen: File) => {
    if (!/\.xlsx$/i.test(chosen.name)) {
      setError(new Error(t('import.notXlsx')));
      return;
    }
    setFile(chosen);
    setShowUnchanged(false);
    void send(chosen, true);
  };

  const columns: TableProps<MilestoneImportRow>['columns'] = [
    { title: t('import.row'), dataIndex: 'row', key: 'row', width: 70 },
    {
      title: t('import.project'),
      key: 'project',
      render: (_, row) => (row.projectName ? <span title={row.projectKey ?? undefined}>{row.projectName}</span> : '—'),
    },
    { title: t('import.milestone'), dataIndex: 'milestoneName', key: 'milestone', width: 160, render: (name: string | null) => name ?? '—' },
    {
      title: t('import.changes'),
      key: 'changes',
      render: (_, row) =>
        row.changes.length ? (
          <Space direction="vertical" size={0}>
            {row.changes.map((change) => (
              <span key={change.field}>
                {tv('import.field', change.field)}：{change.from ?? '—'} → <strong>{change.to ?? t('import.cleared')}</strong>
              </span>
            ))}
          </Space>
        ) : row.status === 'unchanged' ? (
          <Tag>{t('import.unchanged')}</Tag>
        ) : null,
    },
    {
      title: t('import.errors'),
      key: 'errors',
      render: (_, row) =>
        row.errors.length ? (
          <ul className="import-errors" style={{ margin: 0, paddingLeft: 18 }}>
            {row.errors.map((e, i) => (
              <li key={`${e.field}-${i}`}>
                <Typography.Text type="danger">{e.message}</Typography.Text>
              </li>
            ))}
          </ul>
        ) : null,
    },
  ];

  const summary = preview?.summary;
  const canConfirm = !!summary && summary.error === 0 && summary.update > 0 && busy === null;
  const shownRows = (preview?.rows ?? []).filter((row) => showUnchanged || row.status !== 'unchanged');

  return (
    <Card
      size="small"
      title={t('import.title')}
      style={{ marginBottom: 16 }}
      extra={
        <Button icon={<DownloadOutlined />} onClick={download} loading={busy === 'download'} data-testid="import-template-download">
          {t('import.download')}
        </Button>
      }
      data-testid="milestone-import"
    >
      <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx"
        multiple={false}
        showUploadList={false}
        disabled={busy === 'check' || busy === 'apply'}
        beforeUpload={(chosen) => {
          choose(chosen);
          return Upload.LIST_IGNORE;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.upload')}</p>
        <p className="ant-upload-hint">{t('import.uploadHint')}</p>
      </Upload.Dragger>
      {progress !== null ? (
        <div style={{ marginTop: 12 }} data-testid="import-progress">
          <Typography.Text type="secondary">{t('import.uploading')}</Typography.Text>
          <Progress percent={progress} status="active" size="small" />
        </div>
      ) : null}
      <ProblemAlert error={error} onClose={() => setError(null)} style={{ marginTop: 12 }} />
      {preview && summary && file ? (
        <div style={{ marginTop: 12 }} data-testid="import-preview">
          <Typography.Paragraph strong>
            {t('import.summary', { file: file.name, total: summary.total, update: summary.update, unchanged: summary.unchanged, error: summary.error })}
          </Typography.Paragraph>
          {summary.error > 0 ? (
            <Alert type="error" showIcon role="alert" message={t('import.hasErrors', { n: summary.error })} style={{ marginBottom: 12 }} />
          ) : summary.update === 0 ? (
            <Alert type="info" showIcon message={t('import.noChanges')} style={{ marginBottom: 12 }} />
          ) : (
            <Alert type="success" showIcon message={t('import.ready')} style={{ marginBottom: 12 }} />
          )}
          <Checkbox checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} style={{ marginBottom: 8 }}>
            {t('import.showUnchanged')}
          </Checkbox>
          <Table<MilestoneImportRow>
            rowKey="row"
            size="small"
            columns={columns}
            dataSource={shownRows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 760 }}
            data-testid="import-preview-table"
          />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" disabled={!canConfirm} loading={busy === 'apply'} onClick={() => void send(file, false)} data-testid="import-confirm">
              {t('import.confirm')}
            </Button>
            <Button
              onClick={() => {
                setPreview(null);
                setFile(null);
              }}
              disabled={busy !== null}
            >
              {t('common.cancel')}
            </Button>
          </Space>
        </div>
      ) : null}
    </Card>
  );
}
