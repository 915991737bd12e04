import { CheckOutlined, EditOutlined, FieldTimeOutlined, MinusCircleOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, isApiError } from '../api/client';
import type { Milestone } from '../api/types';
import { hasKey, useI18n } from '../i18n';
import { trackerToday } from '../lib/dates';
import { ProblemAlert } from './problem-alert';

const DATE = 'YYYY-MM-DD';
const toDay = (value: string | null) => (value ? dayjs(value, DATE) : null);
const fromDay = (value: Dayjs | null | undefined) => (value ? value.format(DATE) : null);

/** The server's Chinese name in Chinese; the catalogue's English where it knows the code. */
export function milestoneName(m: Pick<Milestone, 'code' | 'name'>, language: string, tv: (prefix: string, value: string) => string): string {
  return language === 'zh' || !hasKey(`milestone.${m.code}`) ? m.name : tv('milestone', m.code);
}

interface Draft {
  forecastDate: Dayjs | null;
  actualDate: Dayjs | null;
  comment: string;
}

/**
 * A project's milestones with baseline / forecast / actual dates. Owners of the project's unit edit forecast and
 * actual dates in the row; reviewers re-baseline with a reason. Each save sends the version the user saw, so a
 * concurrent change is answered 409 and shown with the current values instead of being overwritten.
 */
export function MilestoneTable({
  milestones,
  canEdit,
  canRebaseline,
  onChanged,
  compact,
}: {
  milestones: Milestone[];
  canEdit: boolean;
  canRebaseline: boolean;
  /** Called after a save (with the updated milestone) or a conflict (without): the parent reloads what depends on it. */
  onChanged: (updated?: Milestone) => void;
  compact?: boolean;
}) {
  const { t, tv, language } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>({ forecastDate: null, actualDate: null, comment: '' });
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [rebaselining, setRebaselining] = useState<Milestone | null>(null);
  const [markingNotApplicable, setMarkingNotApplicable] = useState<Milestone | null>(null);
  const today = trackerToday();
  const nameOf = (m: Pick<Milestone, 'code' | 'name'>) => milestoneName(m, language, tv);

  const save = async (m: Milestone, patch: Record<string, unknown>) => {
    setSaving(m.id);
    setError(null);
    setConflict(null);
    try {
      const updated = await api.patch<Milestone>(`/api/milestones/${m.id}`, { version: m.version, ...patch });
      message.success(t('ms.updated', { name: nameOf(m) }));
      setEditing(null);
      onChanged(updated);
      return true;
    } catch (reason) {
      if (isApiError(reason) && reason.code === 'version_conflict') {
        const current = (reason.body.current ?? {}) as Partial<Milestone>;
        setConflict(
          t('ms.conflict', {
            name: nameOf(m),
            version: current.version ?? '?',
            forecast: current.forecastDate ?? '—',
            actual: current.actualDate ?? '—',
          }),
        );
        setEditing(null);
        onChanged();
      } else {
        setError(reason);
      }
      return false;
    } finally {
      setSaving(null);
    }
  };

  /** 不适用 and back: their own routes, the same conflict handling as a date change. */
  const settle = async (m: Milestone, route: 'not-applicable' | 'applicable', body: Record<string, unknown>, done: string) => {
    setSaving(m.id);
    setError(null);
    try {
      const updated = await api.post<Milestone>(`/api/milestones/${m.id}/${route}`, { version: m.version, ...body });
      message.success(done);
      onChanged(updated);
      return true;
    } catch (reason) {
      setError(reason);
      if (isApiError(reason) && reason.code === 'version_conflict') onChanged();
      return false;
    } finally {
      setSaving(null);
    }
  };

  const startEdit = (m: Milestone) => {
    setEditing(m.id);
    setDraft({ forecastDate: toDay(m.forecastDate), actualDate: toDay(m.actualDate), comment: '' });
    setError(null);
  };

  const saveDraft = (m: Milestone) => {
    const patch: Record<string, unknown> = {};
    const forecast = fromDay(draft.forecastDate);
    const actual = fromDay(draft.actualDate);
    if (forecast !== m.forecastDate) patch.forecastDate = forecast;
    if (actual !== m.actualDate) patch.actualDate = actual;
    if (draft.comment.trim()) patch.comment = draft.comment.trim();
    if (!('forecastDate' in patch) && !('actualDate' in patch)) {
      setEditing(null);
      return;
    }
    void save(m, patch);
  };

  const dateCell = (m: Milestone, field: 'forecastDate' | 'actualDate', value: string | null) => {
    if (editing !== m.id) return value ?? '—';
    return (
      <DatePicker
        size="small"
        value={draft[field]}
        onChange={(day) => setDraft((d) => ({ ...d, [field]: day }))}
        placeholder={field === 'forecastDate' ? t('ms.forecast') : t('ms.actual')}
        aria-label={field === 'forecastDate' ? t('ms.forecast') : t('ms.actual')}
        format={DATE}
        disabledDate={field === 'actualDate' ? (day) => day.format(DATE) > today : undefined}
        style={{ width: 130 }}
      />
    );
  };

  const columns: TableProps<Milestone>['columns'] = [
    {
      title: t('ms.name'),
      key: 'name',
      render: (_, m) => (
        <Space size={4} wrap>
          <span>{nameOf(m)}</span>
          {m.realisesTarget ? (
            <Tag color="geekblue" bordered={false}>
              {t('ms.targetNode')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    ...(compact ? [] : [{ title: t('ms.stage'), dataIndex: 'stage', key: 'stage', width: 100, render: (s: string) => tv('stage', s) }]),
    { title: t('ms.baseline'), dataIndex: 'baselineDate', key: 'baseline', width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('ms.forecast'), key: 'forecast', width: 140, render: (_, m) => dateCell(m, 'forecastDate', m.forecastDate) },
    { title: t('ms.actual'), key: 'actual', width: 140, render: (_, m) => dateCell(m, 'actualDate', m.actualDate) },
    {
      title: t('ms.status'),
      key: 'status',
      width: 110,
      render: (_, m) => {
        if (m.status === 'done')
          return (
            <Tag color="success" icon={<CheckOutlined />}>
              {t('ms.done')}
            </Tag>
          );
        if (m.status === 'not_applicable') {
          return (
            <Tooltip title={m.notApplicableReason}>
              <Tag icon={<MinusCircleOutlined />} data-testid="not-applicable">
                {t('ms.notApplicable')}
              </Tag>
            </Tooltip>
          );
        }
        const days = m.overdueDays;
        return days > 0 ? <Tag color={days > 30 ? 'error' : 'warning'}>{t('ms.overdue', { days })}</Tag> : <Tag>{t('ms.pending')}</Tag>;
      },
    },
  ];

  if (canEdit || canRebaseline) {
    columns.push({
      title: t('ms.actions'),
      key: 'actions',
      width: canEdit ? 230 : 120,
      render: (_, m) => {
        if (editing === m.id) {
          return (
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Input
                size="small"
                placeholder={t('ms.commentPlaceholder')}
                aria-label={t('common.comment')}
                value={draft.comment}
                maxLength={2000}
                onChange={(e) => setDraft((d) => ({ ...d, comment: e.target.value }))}
                onPressEnter={() => saveDraft(m)}
              />
              <Space size={4}>
                <Button size="small" type="primary" loading={saving === m.id} onClick={() => saveDraft(m)}>
                  {t('common.save')}
                </Button>
                <Button size="small" onClick={() => setEditing(null)}>
                  {t('common.cancel')}
                </Button>
              </Space>
            </Space>
          );
        }
        return (
          <Space size={4} wrap>
            {canEdit ? (
              <Button size="small" icon={<EditOutlined />} onClick={() => startEdit(m)} disabled={!!saving}>
                {t('common.edit')}
              </Button>
            ) : null}
            {canEdit && m.status === 'pending' ? (
              <Popconfirm
                title={t('ms.markDoneConfirm', { name: nameOf(m), today })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => save(m, { actualDate: today })}
              >
                <Button size="small" icon={<CheckOutlined />} loading={saving === m.id}>
                  {t('ms.markDone')}
                </Button>
              </Popconfirm>
            ) : null}
            {canEdit && m.status === 'pending' && !m.realisesTarget ? (
              <Button size="small" icon={<MinusCircleOutlined />} onClick={() => setMarkingNotApplicable(m)} disabled={!!saving}>
                {t('ms.markNotApplicable')}
              </Button>
            ) : null}
            {canEdit && m.status === 'not_applicable' ? (
              <Popconfirm
                title={t('ms.markApplicableConfirm', { name: nameOf(m) })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => settle(m, 'applicable', {}, t('ms.applicableDone', { name: nameOf(m) }))}
              >
                <Button size="small" icon={<UndoOutlined />} loading={saving === m.id}>
                  {t('ms.markApplicable')}
                </Button>
              </Popconfirm>
            ) : null}
            {canRebaseline && m.status === 'pending' ? (
              <Tooltip title={t('ms.rebaseline')}>
                <Button size="small" icon={<FieldTimeOutlined />} onClick={() => setRebaselining(m)}>
                  {t('ms.rebaseline')}
                </Button>
              </Tooltip>
            ) : null}
          </Space>
        );
      },
    });
  }

  return (
    <>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          message={conflict}
          closable
          onClose={() => setConflict(null)}
          style={{ marginBottom: 12 }}
          role="alert"
          data-testid="milestone-conflict"
        />
      ) : null}
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <Table<Milestone>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={milestones}
        pagination={false}
        scroll={{ x: compact ? 700 : 880 }}
        locale={{ emptyText: t('ms.empty') }}
        data-testid="milestone-table"
      />
      {rebaselining ? (
        <RebaselineModal
          milestone={rebaselining}
          name={nameOf(rebaselining)}
          onClose={() => setRebaselining(null)}
          onSave={async (baselineDate, comment) => {
            const ok = await save(rebaselining, { baselineDate, comment });
            if (ok) setRebaselining(null);
          }}
          saving={saving === rebaselining.id}
        />
      ) : null}
      {markingNotApplicable ? (
        <NotApplicableModal
          name={nameOf(markingNotApplicable)}
          saving={saving === markingNotApplicable.id}
          onClose={() => setMarkingNotApplicable(null)}
          onSave={async (reason) => {
            const ok = await settle(markingNotApplicable, 'not-applicable', { reason }, t('ms.notApplicableDone', { name: nameOf(markingNotApplicable) }));
            if (ok) setMarkingNotApplicable(null);
          }}
        />
      ) : null}
      {!compact && canEdit ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('ms.reopen')}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}

function NotApplicableModal({ name, saving, onClose, onSave }: { name: string; saving: boolean; onClose: () => void; onSave: (reason: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={t('ms.notApplicableTitle', { name })}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">{t('ms.notApplicableHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => onSave(values.reason.trim())}>
        <Form.Item
          label={t('ms.notApplicableReason')}
          name="reason"
          rules={[{ required: true, whitespace: true, message: t('ms.notApplicableReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RebaselineModal({
  milestone,
  name,
  onClose,
  onSave,
  saving,
}: {
  milestone: Milestone;
  name: string;
  onClose: () => void;
  onSave: (baselineDate: string, comment: string) => void;
  saving: boolean;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ baselineDate: Dayjs; comment: string }>();
  return (
    <Modal
      open
      title={t('ms.rebaselineTitle', { name })}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnClose
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ baselineDate: toDay(milestone.baselineDate), comment: '' }}
        onFinish={(values) => onSave(values.baselineDate.format(DATE), values.comment.trim())}
      >
        <Form.Item label={t('ms.newBaseline')} name="baselineDate" rules={[{ required: true, message: t('ms.newBaseline') }]}>
          <DatePicker format={DATE} style={{ width: '100%' }} autoFocus />
        </Form.Item>
        <Form.Item label={t('ms.rebaselineComment')} name="comment" rules={[{ required: true, whitespace: true, message: t('ms.rebaselineCommentRequired') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
