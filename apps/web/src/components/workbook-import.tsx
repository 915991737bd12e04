import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Typography, Upload } from 'antd';
import type { TableProps } from 'antd';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { api, type Query } from '../api/client';
import { useI18n } from '../i18n';
import { postWorkbook } from './excel-upload';
import { ProblemAlert } from './problem-alert';

/** What every all-or-nothing Excel import answers: each row with its errors, and whether it was applied. */
export interface WorkbookImportResult {
  applied: boolean;
  rows: Array<{ row: number; projectName?: string | null; errors: Array<{ field: string; message: string }> }>;
}

type Row = WorkbookImportResult['rows'][number];

/**
 * An Excel import as a card: the template to download (prefilled by the API) and the upload. The API checks every row
 * and imports all or nothing; a 422 lists each bad row's errors. `testId` names the card and its parts
 * (`<testId>-import`, `-template-download`, `-upload`, `-import-errors`, `-import-applied`).
 */
export function WorkbookImport<T extends WorkbookImportResult>(props: {
  testId: string;
  title: ReactNode;
  template: { path: string; query: Query; fileName: string };
  upload: { path: string; query: Query; label: ReactNode };
  hint: ReactNode;
  /** Controls beside the upload button (e.g. "submit too"). */
  options?: ReactNode;
  applied: (result: T) => string;
  onApplied?: () => void;
  style?: CSSProperties;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'download' | 'upload' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<T | null>(null);

  const download = async () => {
    setBusy('download');
    setError(null);
    try {
      const { fileName } = await api.download(props.template.path, props.template.query, props.template.fileName);
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
      const answer = await postWorkbook<T>(props.upload.path, file, { query: props.upload.query });
      setResult(answer);
      if (answer.applied) {
        message.success(props.applied(answer));
        props.onApplied?.();
      }
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(null);
    }
  };

  const bad = (result?.rows ?? []).filter((row) => row.errors.length);
  const columns: TableProps<Row>['columns'] = [
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
      title={props.title}
      style={props.style}
      data-testid={`${props.testId}-import`}
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={busy === 'download'} data-testid={`${props.testId}-template-download`}>
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
          <Button icon={<UploadOutlined />} loading={busy === 'upload'} data-testid={`${props.testId}-upload`}>
            {props.upload.label}
          </Button>
        </Upload>
        {props.options}
        <Typography.Text type="secondary">{props.hint}</Typography.Text>
      </Space>
      <ProblemAlert error={error} onClose={() => setError(null)} style={{ marginTop: 12 }} />
      {result && !result.applied ? (
        <div style={{ marginTop: 12 }} data-testid={`${props.testId}-import-errors`}>
          <Alert type="error" showIcon role="alert" message={t('import.hasErrors', { n: bad.length })} style={{ marginBottom: 8 }} />
          <Table<Row> rowKey="row" size="small" columns={columns} dataSource={bad} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
        </div>
      ) : null}
      {result?.applied ? (
        <Tag color="success" style={{ marginTop: 12 }} data-testid={`${props.testId}-import-applied`}>
          {props.applied(result)}
        </Tag>
      ) : null}
    </Card>
  );
}
