import { CheckOutlined, EditOutlined, FieldTimeOutlined, MinusCircleOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Grid, Input, Modal, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
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
/** A 前期手续 (kind approval): its 实际日期 is set by the approval checklist with the 文号, not on this table. */
const onChecklist = (m: Milestone) => m.kind === 'approval';

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
  /** On a phone: the milestone whose update form is open. */
  const [updating, setUpdating] = useState<Milestone | null>(null);
  // Below 768 px the rows become cards with large buttons, and an update opens a form of its own (a table row cannot fit).
  const phone = !Grid.useBreakpoint().md;
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

  const saveDraft = (m: Milestone, draft: Draft) => {
    const patch: Record<string, unknown> = {};
    const forecast = fromDay(draft.forecastDate);
    const actual = fromDay(draft.actualDate);
    if (forecast !== m.forecastDate) patch.forecastDate = forecast;
    if (actual !== m.actualDate) patch.actualDate = actual;
    if (draft.comment.trim()) patch.comment = draft.comment.trim();
    if (!('forecastDate' in patch) && !('actualDate' in patch)) {
      setEditing(null);
      return false;
    }
    return save(m, patch);
  };

  const dateCell = (m: Milestone, field: 'forecastDate' | 'actualDate', value: string | null) => {
    if (editing !== m.id || (field === 'actualDate' && onChecklist(m))) return value ?? '—';
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
      width: 200,
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
    { title: t('ms.status'), key: 'status', width: 110, render: (_, m) => statusTag(m) },
  ];

  function statusTag(m: Milestone) {
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
  }

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
                onPressEnter={() => void saveDraft(m, draft)}
              />
              <Space size={4}>
                <Button size="small" type="primary" loading={saving === m.id} onClick={() => void saveDraft(m, draft)}>
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
            {canEdit && m.status === 'pending' ? (onChecklist(m) ? checklistLink(m) : markDone(m, false)) : null}
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

  // A 前期手续 is settled (已办结, with its 文号 and date) on the approval checklist, never by a bare date here.
  const checklistLink = (m: Milestone) => (
    <Tooltip title={t('ms.onChecklistHint')}>
      <Button size="small" type="link" href={`/projects/${m.projectId}#approval-checklist`} data-testid="milestone-on-checklist">
        {t('ms.onChecklist')}
      </Button>
    </Tooltip>
  );

  const markDone = (m: Milestone, large: boolean) => (
    <Popconfirm
      title={t('ms.markDoneConfirm', { name: nameOf(m), today })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() => save(m, { actualDate: today })}
    >
      <Button size={large ? 'large' : 'small'} block={large} icon={<CheckOutlined />} loading={saving === m.id} data-testid="milestone-mark-done">
        {t('ms.markDone')}
      </Button>
    </Popconfirm>
  );

  const date = (label: string, value: string | null) => (
    <div className="ms-card-date">
      <Typography.Text type="secondary">{label}</Typography.Text>
      <span>{value ?? '—'}</span>
    </div>
  );

  const cards = milestones.length ? (
    <div className="ms-cards" data-testid="milestone-cards">
      {milestones.map((m) => (
        <Card key={m.id} size="small" data-testid="milestone-card" data-milestone={m.code}>
          <div className="ms-card-head">
            <Typography.Text strong className="ms-card-name">
              {nameOf(m)}
            </Typography.Text>
            <Space size={4} wrap>
              {m.realisesTarget ? (
                <Tag color="geekblue" bordered={false}>
                  {t('ms.targetNode')}
                </Tag>
              ) : null}
              {statusTag(m)}
            </Space>
          </div>
          <div className="ms-card-dates">
            {date(t('ms.baseline'), m.baselineDate)}
            {date(t('ms.forecast'), m.forecastDate)}
            {date(t('ms.actual'), m.actualDate)}
          </div>
          {canEdit ? (
            <div className="ms-card-actions">
              <Button
                size="large"
                type="primary"
                block
                icon={<EditOutlined />}
                onClick={() => setUpdating(m)}
                disabled={!!saving}
                data-testid="milestone-update"
              >
                {t('ms.update')}
              </Button>
              {m.status === 'pending' ? (onChecklist(m) ? checklistLink(m) : markDone(m, true)) : null}
            </div>
          ) : null}
          {(canEdit && m.status === 'pending' && !m.realisesTarget) ||
          (canEdit && m.status === 'not_applicable') ||
          (canRebaseline && m.status === 'pending') ? (
            <Space wrap size={8} style={{ marginTop: 8 }}>
              {canEdit && m.status === 'pending' && !m.realisesTarget ? (
                <Button icon={<MinusCircleOutlined />} onClick={() => setMarkingNotApplicable(m)} disabled={!!saving}>
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
                  <Button icon={<UndoOutlined />} loading={saving === m.id}>
                    {t('ms.markApplicable')}
                  </Button>
                </Popconfirm>
              ) : null}
              {canRebaseline && m.status === 'pending' ? (
                <Button icon={<FieldTimeOutlined />} onClick={() => setRebaselining(m)}>
                  {t('ms.rebaseline')}
                </Button>
              ) : null}
            </Space>
          ) : null}
        </Card>
      ))}
    </div>
  ) : (
    <Typography.Text type="secondary">{t('ms.empty')}</Typography.Text>
  );

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
      {phone ? (
        cards
      ) : (
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
      )}
      {updating ? (
        <MilestoneUpdateForm
          milestone={updating}
          name={nameOf(updating)}
          today={today}
          saving={saving === updating.id}
          onClose={() => setUpdating(null)}
          onSave={async (values) => {
            const ok = await saveDraft(updating, values);
            if (ok !== false || !editingChanged(updating, values)) setUpdating(null);
          }}
        />
      ) : null}
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

/** Whether the form changes a date (else there is nothing to send, and the form just closes). */
function editingChanged(m: Milestone, draft: Draft): boolean {
  return fromDay(draft.forecastDate) !== m.forecastDate || fromDay(draft.actualDate) !== m.actualDate;
}

/**
 * The milestone update on a phone: one field per line, large targets, the date pickers' calendars rather than the
 * keyboard (inputReadOnly), and the save button within the thumb's reach.
 */
function MilestoneUpdateForm({
  milestone,
  name,
  today,
  saving,
  onClose,
  onSave,
}: {
  milestone: Milestone;
  name: string;
  today: string;
  saving: boolean;
  onClose: () => void;
  onSave: (draft: Draft) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Draft>();
  return (
    <Modal
      open
      title={t('ms.updateTitle', { name })}
      onCancel={onClose}
      destroyOnClose
      width={480}
      footer={
        <div className="ms-form-footer">
          <Button size="large" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button size="large" type="primary" loading={saving} onClick={() => form.submit()} data-testid="milestone-form-save">
            {t('common.save')}
          </Button>
        </div>
      }
    >
      <Form
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ forecastDate: toDay(milestone.forecastDate), actualDate: toDay(milestone.actualDate), comment: '' }}
        onFinish={(values) => onSave({ forecastDate: values.forecastDate ?? null, actualDate: values.actualDate ?? null, comment: values.comment ?? '' })}
        data-testid="milestone-form"
      >
        <Typography.Paragraph type="secondary">{t('ms.baselineIs', { date: milestone.baselineDate ?? '—' })}</Typography.Paragraph>
        <Form.Item label={t('ms.forecast')} name="forecastDate">
          <DatePicker format={DATE} inputReadOnly style={{ width: '100%' }} data-testid="milestone-form-forecast" />
        </Form.Item>
        <Form.Item label={t('ms.actual')} name="actualDate" extra={onChecklist(milestone) ? t('ms.onChecklistHint') : t('ms.actualHelp')}>
          <DatePicker
            disabled={onChecklist(milestone)}
            format={DATE}
            inputReadOnly
            style={{ width: '100%' }}
            disabledDate={(day) => day.format(DATE) > today}
            data-testid="milestone-form-actual"
          />
        </Form.Item>
        <Form.Item label={t('common.comment')} name="comment">
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('ms.commentPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
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
