import { AuditOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Progress, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, isApiError } from '../api/client';
import type { Approval, ApprovalStatus, FileRef, ProjectApprovals, ProjectDetail, UpdateApproval } from '../api/types';
import { APPROVAL_STATUSES } from '../api/types';
import { useI18n } from '../i18n';
import { formatDate, trackerToday } from '../lib/dates';
import { useAsync } from '../lib/use-async';
import { EvidenceFiles, EvidenceUpload } from './evidence-files';
import { ProblemAlert } from './problem-alert';

/** Green done, blue under way, grey 不适用, as the platforms the DRC knows colour their nodes. */
const STATUS_COLORS: Record<ApprovalStatus, string> = { not_started: 'default', in_progress: 'processing', done: 'success', not_applicable: 'default' };

/** Consecutive approvals sharing a parallel group run side by side (并联审批): one block each, the rest alone. */
function blocks(items: readonly Approval[]): Approval[][] {
  const out: Approval[][] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (item.parallelGroup && last?.[0].parallelGroup === item.parallelGroup) last.push(item);
    else out.push([item]);
  }
  return out;
}

/**
 * 前期手续 on the project page: the project type's approvals in order, the parallel ones grouped, each with its
 * approving department, status, document number and date; the project's 办结率. Owners of the unit (and admins) set
 * an approval's status in a form that fits a phone.
 */
export function ApprovalChecklist({ project, canEdit, onChanged }: { project: ProjectDetail; canEdit: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Approval | null>(null);
  const state = useAsync<ProjectApprovals>(
    (signal) => api.get<ProjectApprovals>(`/api/projects/${project.id}/approvals`, undefined, signal),
    [project.id, project.version],
  );
  const data = state.data;
  // Another unit's owner may read the project but not its approvals: no card rather than a refusal.
  if (isApiError(state.error) && state.error.status === 403) return null;

  const row = (item: Approval) => (
    <div key={item.id} data-testid={`approval-${item.code}`} data-status={item.status} style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{item.name}</Typography.Text>
          <Typography.Text type="secondary">{item.department ?? '—'}</Typography.Text>
        </Space>
        <Space wrap>
          <Tag color={STATUS_COLORS[item.status]}>{t(`prework.status.${item.status}`)}</Tag>
          {canEdit ? (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(item)} data-testid={`edit-approval-${item.code}`}>
              {t('prework.edit')}
            </Button>
          ) : null}
        </Space>
      </Space>
      {item.status === 'done' ? (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t('prework.document', { no: item.documentNo ?? '—', date: formatDate(item.documentDate) })}
        </Typography.Text>
      ) : null}
      {item.status === 'not_applicable' && item.notApplicableReason ? (
        <Typography.Text type="secondary" style={{ display: 'block' }}>
          {t('prework.reasonShown', { reason: item.notApplicableReason })}
        </Typography.Text>
      ) : null}
      {item.files.length ? (
        <div style={{ marginTop: 4 }} data-testid={`approval-files-${item.code}`}>
          <EvidenceFiles files={item.files} />
        </div>
      ) : null}
    </div>
  );

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      id="approval-checklist"
      data-testid="approval-checklist"
      title={
        <Space>
          <AuditOutlined />
          {t('prework.cardTitle')}
          {data?.projectType ? <Tag>{data.projectType.label}</Tag> : null}
        </Space>
      }
      extra={
        data ? (
          <Space data-testid="prework-rate">
            <Typography.Text type="secondary">{t('prework.rate')}</Typography.Text>
            <Progress
              type="circle"
              size={36}
              percent={data.counts.rate ?? 0}
              format={() => (data.counts.rate === null ? '—' : `${Math.round(data.counts.rate)}`)}
            />
            <Typography.Text type="secondary">
              {t('prework.counts', { done: data.counts.done, required: data.counts.required - data.counts.notApplicable })}
            </Typography.Text>
          </Space>
        ) : null
      }
    >
      {state.error ? <ProblemAlert error={state.error} onRetry={state.reload} /> : null}
      {data && !data.items.length ? <Empty description={t('prework.empty')} /> : null}
      {data
        ? blocks(data.items).map((block) =>
            block.length > 1 ? (
              <div
                key={block[0].id}
                data-testid={`parallel-${block[0].parallelGroup}`}
                style={{ borderLeft: '3px solid #1677ff', paddingLeft: 8, margin: '4px 0' }}
              >
                <Typography.Text type="secondary">{t('prework.parallel')}</Typography.Text>
                {block.map(row)}
              </div>
            ) : (
              row(block[0])
            ),
          )
        : null}
      {editing ? (
        <ApprovalForm
          approval={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            state.reload();
            onChanged();
          }}
        />
      ) : null}
    </Card>
  );
}

interface FormValues {
  status: ApprovalStatus;
  documentNo?: string;
  documentDate?: dayjs.Dayjs;
  reason?: string;
}

/** One approval's status, and what that status needs: 已办结 its 文号 and date, 不适用 a reason. */
function ApprovalForm({ approval, onClose, onSaved }: { approval: Approval; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const status = Form.useWatch('status', form) ?? approval.status;
  // The whole list goes with every save: a file removed here is detached from the approval.
  const [files, setFiles] = useState<FileRef[]>(approval.files);

  const submit = async (values: FormValues) => {
    const body: UpdateApproval = { version: approval.version, status: values.status, fileIds: files.map((file) => file.id) };
    if (values.status === 'done') Object.assign(body, { documentNo: values.documentNo, documentDate: values.documentDate?.format('YYYY-MM-DD') });
    if (values.status === 'not_applicable') body.reason = values.reason;
    setSaving(true);
    setError(null);
    try {
      await api.patch<Approval>(`/api/approvals/${approval.id}`, body);
      message.success(t('prework.saved'));
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={approval.name}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('prework.save')}
      confirmLoading={saving}
      width={480}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">{approval.department}</Typography.Paragraph>
      {error ? <ProblemAlert error={error} style={{ marginBottom: 12 }} /> : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        data-testid="approval-form"
        initialValues={{
          status: approval.status,
          documentNo: approval.documentNo ?? undefined,
          documentDate: approval.documentDate ? dayjs(approval.documentDate) : undefined,
          reason: approval.notApplicableReason ?? undefined,
        }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="status" label={t('prework.statusLabel')} rules={[{ required: true }]}>
          <Select data-testid="approval-status" options={APPROVAL_STATUSES.map((value) => ({ value, label: t(`prework.status.${value}`) }))} />
        </Form.Item>
        {status === 'done' ? (
          <>
            <Form.Item
              name="documentNo"
              label={t('prework.documentNo')}
              rules={[{ required: true, whitespace: true, message: t('prework.documentNoRequired') }]}
            >
              <Input data-testid="approval-document-no" placeholder="綦江发改投〔2026〕12号" />
            </Form.Item>
            <Form.Item name="documentDate" label={t('prework.documentDate')} rules={[{ required: true, message: t('prework.documentDateRequired') }]}>
              <DatePicker data-testid="approval-document-date" style={{ width: '100%' }} disabledDate={(day) => day.format('YYYY-MM-DD') > trackerToday()} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item label={t('prework.files')} extra={t('prework.filesHint')}>
          <EvidenceUpload value={approval.files} onChange={setFiles} />
        </Form.Item>
        {status === 'not_applicable' ? (
          <Form.Item name="reason" label={t('prework.reason')} rules={[{ required: true, whitespace: true, message: t('prework.reasonRequired') }]}>
            <Input.TextArea data-testid="approval-reason" rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
