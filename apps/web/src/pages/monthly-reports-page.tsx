import { PictureOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, isApiError } from '../api/client';
import type { FileRef, MonthlyReport, ReportGrid, ReportGridRow, ReportImportResult } from '../api/types';
import { useUser } from '../auth/auth';
import { EvidenceFiles, EvidenceUpload } from '../components/evidence-files';
import { ReportStatusTag } from '../components/investment-tags';
import { MonthPicker } from '../components/month-picker';
import { PageError, ProblemAlert } from '../components/problem-alert';
import { WorkbookImport } from '../components/workbook-import';
import { useI18n } from '../i18n';
import { formatDate } from '../lib/dates';
import { amountProblem, currentMonth, defaultReportMonth } from '../lib/investment';
import { useAsync } from '../lib/use-async';

type Field = 'completedInvestment' | 'progress' | 'problems';
interface Draft {
  completedInvestment: string;
  progress: string;
  problems: string;
}
type RowErrors = Partial<Record<Field | 'row', string>>;

const draftOf = (row: ReportGridRow): Draft => ({
  completedInvestment: row.report?.completedInvestment ?? '',
  progress: row.report?.progress ?? '',
  problems: row.report?.problems ?? '',
});

/**
 * 月报填报: the month's grid of the caller's projects (an owner: their unit's; reviewers: every project). Owners fill in
 * 本月完成投资, 形象进度 and 存在问题, save drafts and submit (报送) row by row or all at once, or through the Excel
 * template; reviewers return (退回) a submitted report with a comment.
 */
export default function MonthlyReportsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const requested = params.get('month');
  const month = requested && /^\d{4}-\d{2}$/.test(requested) && requested >= '2026-01' && requested <= currentMonth() ? requested : defaultReportMonth();
  const canWrite = user.role === 'owner' || user.role === 'admin';
  const canReturn = user.role === 'reviewer' || user.role === 'admin';

  const [edits, setEdits] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, RowErrors>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [returning, setReturning] = useState<ReportGridRow | null>(null);
  const [photos, setPhotos] = useState<ReportGridRow | null>(null);
  const [onlyOpen, setOnlyOpen] = useState(false);

  const state = useAsync((signal) => api.get<ReportGrid>('/api/monthly-reports', { month }, signal), [month]);
  const grid = state.data;

  const setMonth = (next: string) => {
    setEdits({});
    setErrors({});
    setParams({ month: next }, { replace: true });
  };

  const editable = (row: ReportGridRow) => canWrite && !grid?.locked && row.status !== 'submitted';
  const valueOf = (row: ReportGridRow): Draft => edits[row.projectId] ?? draftOf(row);
  const dirty = (row: ReportGridRow) => {
    const edit = edits[row.projectId];
    if (!edit) return false;
    const saved = draftOf(row);
    return edit.completedInvestment !== saved.completedInvestment || edit.progress !== saved.progress || edit.problems !== saved.problems;
  };

  const edit = (row: ReportGridRow, field: Field, value: string) => {
    setEdits((all) => ({ ...all, [row.projectId]: { ...valueOf(row), [field]: value } }));
    setErrors((all) => ({ ...all, [row.projectId]: { ...all[row.projectId], [field]: undefined, row: undefined } }));
  };

  /** The server's refusal, by field where it names one. */
  const fail = (row: ReportGridRow, reason: unknown) => {
    const rowErrors: RowErrors = {};
    if (isApiError(reason) && reason.errors.length) {
      for (const e of reason.errors) {
        const field = e.field as Field;
        if (field === 'completedInvestment' || field === 'progress' || field === 'problems') rowErrors[field] = e.message;
        else rowErrors.row = e.message;
      }
    } else {
      rowErrors.row = isApiError(reason) ? reason.detail : String((reason as Error)?.message ?? reason);
    }
    setErrors((all) => ({ ...all, [row.projectId]: rowErrors }));
  };

  /** Checks the amount like the server does; the message names the rule broken. */
  const check = (row: ReportGridRow): boolean => {
    const problem = amountProblem(valueOf(row).completedInvestment);
    if (!problem) return true;
    setErrors((all) => ({ ...all, [row.projectId]: { ...all[row.projectId], completedInvestment: t(`amount.${problem}`) } }));
    return false;
  };

  /** PUT the row's draft; the saved report, or undefined when refused. */
  const save = async (row: ReportGridRow): Promise<MonthlyReport | undefined> => {
    if (!check(row)) return undefined;
    const draft = valueOf(row);
    try {
      const saved = await api.put<MonthlyReport>(`/api/projects/${row.projectId}/monthly-reports/${month}`, {
        completedInvestment: draft.completedInvestment.trim(),
        progress: draft.progress,
        problems: draft.problems,
        version: row.report?.version,
      });
      setEdits((all) => {
        const { [row.projectId]: _done, ...rest } = all;
        return rest;
      });
      setErrors((all) => ({ ...all, [row.projectId]: {} }));
      return saved;
    } catch (reason) {
      fail(row, reason);
      return undefined;
    }
  };

  const submit = async (row: ReportGridRow): Promise<boolean> => {
    const saved = dirty(row) || !row.report ? await save(row) : row.report;
    if (!saved) return false;
    try {
      await api.post<MonthlyReport>(`/api/projects/${row.projectId}/monthly-reports/${month}/submit`, { version: saved.version });
      return true;
    } catch (reason) {
      fail(row, reason);
      return false;
    }
  };

  const run = async (key: string, work: () => Promise<number>, done: (n: number) => string) => {
    setBusy(key);
    try {
      const n = await work();
      if (n > 0) message.success(done(n));
    } finally {
      setBusy(null);
      state.reload();
    }
  };

  const rows = useMemo(() => grid?.items ?? [], [grid]);
  const saveAll = () =>
    run(
      'save-all',
      async () => {
        let n = 0;
        for (const row of rows.filter((r) => editable(r) && dirty(r))) if (await save(row)) n += 1;
        return n;
      },
      (n) => t('report.savedN', { n }),
    );
  const submitAll = () =>
    run(
      'submit-all',
      async () => {
        let n = 0;
        const ready = rows.filter((r) => editable(r) && (dirty(r) || r.status === 'draft' || r.status === 'returned'));
        for (const row of ready) if (await submit(row)) n += 1;
        return n;
      },
      (n) => t('report.submittedN', { n }),
    );

  if (state.error && !grid) return <PageError error={state.error} onRetry={state.reload} />;

  const shown = onlyOpen ? rows.filter((row) => row.status !== 'submitted') : rows;
  const counts = rows.reduce<Record<string, number>>((all, row) => ({ ...all, [row.status]: (all[row.status] ?? 0) + 1 }), {});
  const overdue = rows.filter((row) => row.overdue).length;

  const fieldError = (row: ReportGridRow, field: Field) => errors[row.projectId]?.[field];
  const columns: TableProps<ReportGridRow>['columns'] = [
    {
      title: t('list.name'),
      key: 'project',
      width: 200,
      fixed: 'left',
      render: (_, row) => (
        <Space direction="vertical" size={2}>
          <Link to={`/projects/${row.projectId}`}>{row.projectName}</Link>
          {user.role !== 'owner' ? <Typography.Text type="secondary">{row.unitName}</Typography.Text> : null}
          {row.status === 'returned' && row.report?.returnComment ? (
            <Typography.Text type="danger" data-testid="return-comment">
              {t('report.returnComment', { who: row.report.returnedByName ?? '—', comment: row.report.returnComment })}
            </Typography.Text>
          ) : null}
          {errors[row.projectId]?.row ? (
            <Typography.Text type="danger" role="alert">
              {errors[row.projectId]?.row}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('report.status'),
      key: 'status',
      width: 110,
      render: (_, row) => <ReportStatusTag status={row.status} overdue={row.overdue} late={row.report?.late} />,
    },
    {
      title: t('report.completed'),
      key: 'completedInvestment',
      width: 140,
      render: (_, row) =>
        editable(row) ? (
          <Form.Item
            validateStatus={fieldError(row, 'completedInvestment') ? 'error' : undefined}
            help={fieldError(row, 'completedInvestment')}
            style={{ margin: 0 }}
          >
            <Input
              inputMode="decimal"
              value={valueOf(row).completedInvestment}
              onChange={(e) => edit(row, 'completedInvestment', e.target.value)}
              onBlur={() => valueOf(row).completedInvestment && check(row)}
              aria-label={t('report.completed')}
              data-testid="report-amount"
            />
          </Form.Item>
        ) : (
          <span data-testid="report-amount-text">{row.report?.completedInvestment ?? '—'}</span>
        ),
    },
    ...(['progress', 'problems'] as const).map((field) => ({
      title: t(`report.${field}`),
      key: field,
      render: (_: unknown, row: ReportGridRow) =>
        editable(row) ? (
          <Form.Item validateStatus={fieldError(row, field) ? 'error' : undefined} help={fieldError(row, field)} style={{ margin: 0 }}>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              value={valueOf(row)[field]}
              onChange={(e) => edit(row, field, e.target.value)}
              aria-label={t(`report.${field}`)}
              data-testid={`report-${field}`}
            />
          </Form.Item>
        ) : (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true }}>
            {row.report?.[field] || '—'}
          </Typography.Paragraph>
        ),
    })),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 180,
      fixed: 'right',
      render: (_, row) => (
        <Space wrap size={4}>
          {editable(row) ? (
            <>
              <Button
                size="small"
                icon={<SaveOutlined />}
                disabled={!dirty(row) || busy !== null}
                loading={busy === `save-${row.projectId}`}
                onClick={() =>
                  void run(
                    `save-${row.projectId}`,
                    async () => ((await save(row)) ? 1 : 0),
                    () => t('report.saved'),
                  )
                }
                data-testid="report-save"
              >
                {t('report.save')}
              </Button>
              <Button
                size="small"
                type="primary"
                icon={<SendOutlined />}
                disabled={busy !== null || (!row.report && !dirty(row))}
                loading={busy === `submit-${row.projectId}`}
                onClick={() =>
                  void run(
                    `submit-${row.projectId}`,
                    async () => ((await submit(row)) ? 1 : 0),
                    () => t('report.submitted'),
                  )
                }
                data-testid="report-submit"
              >
                {t('report.submit')}
              </Button>
            </>
          ) : null}
          {row.report && (row.report.files.length || editable(row)) ? (
            <Button size="small" icon={<PictureOutlined />} onClick={() => setPhotos(row)} data-testid="report-photos">
              {row.report.files.length ? `${t('files.photos')} (${row.report.files.length})` : t('files.photos')}
            </Button>
          ) : null}
          {canReturn && row.status === 'submitted' && !grid?.locked ? (
            <Button size="small" danger icon={<RollbackOutlined />} onClick={() => setReturning(row)} data-testid="report-return">
              {t('report.return')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space align="center" wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('report.title')}
        </Typography.Title>
        <Space wrap>
          <MonthPicker value={month} onChange={setMonth} testId="report-month" />
          {canWrite ? (
            <>
              <Button
                icon={<SaveOutlined />}
                onClick={() => void saveAll()}
                loading={busy === 'save-all'}
                disabled={busy !== null}
                data-testid="report-save-all"
              >
                {t('report.saveAll')}
              </Button>
              <Button
                type="primary"
                icon={<SendOutlined />}
                onClick={() => void submitAll()}
                loading={busy === 'submit-all'}
                disabled={busy !== null}
                data-testid="report-submit-all"
              >
                {t('report.submitAll')}
              </Button>
            </>
          ) : null}
        </Space>
      </Space>
      {grid ? (
        <Typography.Paragraph type="secondary" data-testid="report-grid-summary">
          {t('report.gridSummary', {
            month: grid.month,
            due: formatDate(grid.dueOn),
            total: rows.length,
            submitted: counts.submitted ?? 0,
            draft: counts.draft ?? 0,
            returned: counts.returned ?? 0,
            missing: counts.missing ?? 0,
            overdue,
          })}
        </Typography.Paragraph>
      ) : null}
      {grid?.locked ? <Alert type="info" showIcon message={t('report.locked')} style={{ marginBottom: 12 }} /> : null}
      {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
      {canWrite ? <ReportImport month={month} onApplied={state.reload} /> : null}
      <Card size="small">
        <Checkbox checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} style={{ marginBottom: 8 }}>
          {t('report.onlyOpen')}
        </Checkbox>
        <Table<ReportGridRow>
          rowKey="projectId"
          size="small"
          loading={state.loading}
          columns={columns}
          dataSource={shown}
          rowClassName={(row) => (row.status === 'returned' ? 'report-returned' : row.overdue ? 'report-overdue' : '')}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          // Fits what 1280 px leaves beside the menu (the text columns share the rest), so nothing lies under the fixed columns there.
          scroll={{ x: 940 }}
          data-testid="report-grid"
          onRow={(row) => ({ 'data-project-id': row.projectId, 'data-status': row.status }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
      {photos?.report ? (
        <PhotosModal
          row={photos}
          report={photos.report}
          month={month}
          editable={editable(photos)}
          onClose={() => setPhotos(null)}
          onSaved={() => {
            setPhotos(null);
            message.success(t('report.saved'));
            state.reload();
          }}
        />
      ) : null}
      {returning ? (
        <ReturnModal
          row={returning}
          month={month}
          onClose={() => setReturning(null)}
          onReturned={() => {
            setReturning(null);
            message.success(t('report.returned'));
            state.reload();
          }}
        />
      ) : null}
    </>
  );
}

/**
 * 形象进度照片: the saved report's files, with thumbnails and capture time and place; its owners add photos (from the
 * phone's camera too) or PDFs and remove them, saved with the report as it was saved (the whole list as `fileIds`).
 */
function PhotosModal({
  row,
  report,
  month,
  editable,
  onClose,
  onSaved,
}: {
  row: ReportGridRow;
  report: MonthlyReport;
  month: string;
  editable: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [files, setFiles] = useState<FileRef[]>(report.files);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put<MonthlyReport>(`/api/projects/${row.projectId}/monthly-reports/${month}`, {
        completedInvestment: report.completedInvestment,
        progress: report.progress,
        problems: report.problems,
        version: report.version,
        fileIds: files.map((file) => file.id),
      });
      onSaved();
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${t('files.photos')} · ${row.projectName} · ${month}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, disabled: !editable, 'data-testid': 'report-photos-save' }}
      onOk={() => void save()}
      onCancel={onClose}
      width={640}
    >
      <ProblemAlert error={error} />
      {editable ? <EvidenceUpload value={files} onChange={setFiles} /> : <EvidenceFiles files={files} />}
    </Modal>
  );
}

/** 退回: a reviewer sends a submitted report back with a comment (required). */
function ReturnModal({ row, month, onClose, onReturned }: { row: ReportGridRow; month: string; onClose: () => void; onReturned: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ comment: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const send = async ({ comment }: { comment: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/projects/${row.projectId}/monthly-reports/${month}/return`, { comment });
      onReturned();
    } catch (reason) {
      setError(reason);
      if (isApiError(reason)) form.setFields(reason.errors.filter((e) => e.field === 'comment').map((e) => ({ name: 'comment', errors: [e.message] })));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('report.returnTitle', { name: row.projectName, month })}
      okText={t('report.return')}
      okButtonProps={{ danger: true, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(values) => void send(values)}>
        <Form.Item
          name="comment"
          label={t('report.returnComment.label')}
          rules={[{ required: true, whitespace: true, message: t('report.returnComment.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="report-return-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The month's Excel template, and the upload (saved as drafts, or submitted too); a 422 lists each row's errors. */
function ReportImport({ month, onApplied }: { month: string; onApplied: () => void }) {
  const { t } = useI18n();
  const [submitToo, setSubmitToo] = useState(false);
  return (
    <WorkbookImport<ReportImportResult>
      testId="report"
      title={t('report.importTitle')}
      template={{ path: '/api/monthly-reports/template.xlsx', query: { month }, fileName: `monthly-reports-${month}.xlsx` }}
      upload={{ path: '/api/monthly-reports/import', query: { month, submit: submitToo ? 'true' : undefined }, label: t('report.upload') }}
      hint={t('report.importHint')}
      options={
        <Checkbox checked={submitToo} onChange={(e) => setSubmitToo(e.target.checked)}>
          {t('report.uploadSubmit')}
        </Checkbox>
      }
      applied={({ summary }) => t('report.importApplied', { saved: summary.saved, submitted: summary.submitted, unchanged: summary.unchanged })}
      onApplied={onApplied}
      style={{ marginBottom: 12 }}
    />
  );
}
