import { CheckOutlined, RollbackOutlined, SendOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Descriptions, Drawer, Empty, Form, Grid, Input, List, Modal, Select, Skeleton, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { FileRef, Problem, ProblemDetail, ProblemStatus, Profile } from '../api/types';
import { PROBLEM_CATEGORIES } from '../api/types';
import { useUser } from '../auth/auth';
import { useI18n } from '../i18n';
import { formatDate, formatDateTime, trackerToday } from '../lib/dates';
import { useUnits } from '../lib/reference-data';
import { useAsync } from '../lib/use-async';
import { EvidenceFiles, EvidenceUpload } from './evidence-files';
import { formFieldErrors, PageError, ProblemAlert } from './problem-alert';

const STATUS_COLORS: Record<ProblemStatus, string> = { open: 'gold', assigned: 'blue', closed: 'green' };
const TEXT_MAX = 4000;

export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="problem-status" data-status={status}>
      {t(`problems.status.${status}`)}
    </Tag>
  );
}

/** Days past the due date, in red; a dash when it is not overdue (nothing at all when `quiet`, beside other tags). */
export function OverdueDays({ problem, quiet = false }: { problem: Pick<Problem, 'overdueDays'>; quiet?: boolean }) {
  const { t } = useI18n();
  if (!problem.overdueDays) return quiet ? null : <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type="danger" strong data-testid="overdue-days">
      {t('problems.overdueDays', { n: problem.overdueDays })}
    </Typography.Text>
  );
}

/** Who may write in the thread: the owners of the project's unit and of the assigned unit, the DRC, the leaders, admins (as the API's problem.reply). */
export function canReply(user: Profile, problem: Pick<Problem, 'projectUnitId' | 'assignedUnitId'>): boolean {
  if (user.role !== 'owner') return true;
  return !!user.unit && (user.unit.id === problem.projectUnitId || user.unit.id === problem.assignedUnitId);
}

export const categoryOptions = (t: ReturnType<typeof useI18n>['t']) =>
  PROBLEM_CATEGORIES.map((category) => ({ value: category, label: t(`problems.category.${category}`) }));

type Action = 'assign' | 'close' | 'reopen';

/** 交办 (unit + due date), 销号 and reopening (with a note): a reviewer's (or an admin's) acts on a problem. */
function ActionModal({ problem, action, onClose, onDone }: { problem: ProblemDetail; action: Action; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const units = useUnits();
  const [form] = Form.useForm<{ unitId?: string; dueDate?: Dayjs; note?: string }>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const today = trackerToday();

  const submit = async (values: { unitId?: string; dueDate?: Dayjs; note?: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      if (action === 'assign') {
        const assigned = await api.post<ProblemDetail>(`/api/problems/${problem.id}/assign`, {
          unitId: values.unitId,
          dueDate: values.dueDate?.format('YYYY-MM-DD'),
        });
        void message.success(t('problems.assigned', { unit: assigned.assignedUnitName ?? '' }));
      } else {
        await api.post(`/api/problems/${problem.id}/${action}`, { note: values.note });
        void message.success(t(action === 'close' ? 'problems.closed' : 'problems.reopened'));
      }
      onDone();
    } catch (reason) {
      setError(reason);
      form.setFields(formFieldErrors(reason, ([name]) => ['unitId', 'dueDate', 'note'].includes(name)) as Parameters<typeof form.setFields>[0]);
    } finally {
      setSubmitting(false);
    }
  };

  const title = action === 'assign' ? t('problems.assignTitle') : action === 'close' ? t('problems.closeTitle') : t('problems.reopenTitle');
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action === 'assign' ? t('problems.assign') : action === 'close' ? t('problems.close') : t('problems.reopen')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      destroyOnClose
    >
      <Typography.Paragraph strong>{problem.title}</Typography.Paragraph>
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={action === 'assign' ? { unitId: problem.assignedUnitId ?? undefined } : undefined}
        data-testid={`problem-${action}-form`}
      >
        {action === 'assign' ? (
          <>
            <Form.Item
              name="unitId"
              label={t('problems.assignUnit')}
              rules={[{ required: true, message: t('problems.required', { field: t('problems.assignUnit') }) }]}
            >
              <Select showSearch optionFilterProp="label" options={(units ?? []).map((unit) => ({ value: unit.id, label: unit.name }))} loading={!units} />
            </Form.Item>
            <Form.Item
              name="dueDate"
              label={t('problems.assignDue')}
              rules={[{ required: true, message: t('problems.required', { field: t('problems.assignDue') }) }]}
            >
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} disabledDate={(day) => day.format('YYYY-MM-DD') < today} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="note"
            label={action === 'close' ? t('problems.closeNoteLabel') : t('problems.reopenNote')}
            rules={[{ required: true, whitespace: true, message: t('problems.required', { field: t('common.comment') }) }]}
          >
            <Input.TextArea rows={3} maxLength={TEXT_MAX} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** One problem: what it is, where it stands, its thread (oldest first) and the acts the signed-in user may take. */
export function ProblemDetailView({ problemId, onChanged }: { problemId: string; onChanged?: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const state = useAsync((signal) => api.get<ProblemDetail>(`/api/problems/${problemId}`, undefined, signal), [problemId]);
  const [action, setAction] = useState<Action | null>(null);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<FileRef[]>([]);
  // The upload box starts afresh after each reply sent.
  const [uploadKey, setUploadKey] = useState(0);
  const [sending, setSending] = useState(false);
  const [replyError, setReplyError] = useState<unknown>(null);

  if (state.error && !state.data) return <PageError error={state.error} onRetry={state.reload} />;
  const problem = state.data;
  if (!problem) return <Skeleton active paragraph={{ rows: 8 }} />;

  const isReviewer = user.role === 'reviewer' || user.role === 'admin';
  const changed = () => {
    setAction(null);
    state.reload();
    onChanged?.();
  };
  const send = async () => {
    setSending(true);
    setReplyError(null);
    try {
      state.setData(
        await api.post<ProblemDetail>(`/api/problems/${problem.id}/replies`, { text, ...(files.length ? { fileIds: files.map((file) => file.id) } : {}) }),
      );
      setText('');
      setFiles([]);
      setUploadKey((n) => n + 1);
      void message.success(t('problems.replied'));
      onChanged?.();
    } catch (reason) {
      setReplyError(reason);
    } finally {
      setSending(false);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="problem-detail" data-problem-id={problem.id}>
      <div>
        <Typography.Title level={4} style={{ marginTop: 0, overflowWrap: 'anywhere' }} data-testid="problem-title">
          {problem.title}
        </Typography.Title>
        <Space wrap size={[8, 8]}>
          <ProblemStatusTag status={problem.status} />
          <Tag bordered={false}>{t(`problems.category.${problem.category}`)}</Tag>
          <OverdueDays problem={problem} quiet />
        </Space>
      </div>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'project',
            label: t('problems.col.project'),
            children: (
              <>
                <Link to={`/projects/${problem.projectId}`}>{problem.projectName}</Link>
                <Typography.Text type="secondary"> · {problem.projectUnitName}</Typography.Text>
              </>
            ),
          },
          {
            key: 'description',
            label: t('problems.description'),
            children: (
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{problem.description}</div>
                {problem.files.length ? (
                  <div style={{ marginTop: 8 }} data-testid="problem-files">
                    <EvidenceFiles files={problem.files} />
                  </div>
                ) : null}
              </>
            ),
          },
          {
            key: 'raised',
            label: t('problems.col.raised'),
            children: t('problems.raisedBy', { who: problem.raisedByName ?? '—', when: formatDateTime(problem.createdAt) }),
          },
          { key: 'neededBy', label: t('problems.neededBy'), children: formatDate(problem.neededBy) },
          {
            key: 'assigned',
            label: t('problems.col.unit'),
            children: problem.assignedUnitName ? (
              <span data-testid="problem-assigned-unit">
                {problem.assignedUnitName} · {t('problems.col.dueDate')} {formatDate(problem.dueDate)}
                <Typography.Text type="secondary">
                  {' '}
                  ({t('problems.assignedBy')} {problem.assignedByName ?? ''} {formatDateTime(problem.assignedAt)})
                </Typography.Text>
              </span>
            ) : (
              '—'
            ),
          },
          ...(problem.status === 'closed'
            ? [
                {
                  key: 'closed',
                  label: t('problems.closeNote'),
                  children: (
                    <span data-testid="problem-close-note">
                      {problem.closeNote}
                      <Typography.Text type="secondary">
                        {' '}
                        ({t('problems.closedBy')} {problem.closedByName ?? ''} {formatDateTime(problem.closedAt)})
                      </Typography.Text>
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isReviewer ? (
        <Space wrap>
          {problem.status !== 'closed' ? (
            <>
              <Button type="primary" icon={<UserSwitchOutlined />} onClick={() => setAction('assign')} data-testid="problem-assign">
                {problem.assignedUnitId ? t('problems.reassign') : t('problems.assign')}
              </Button>
              <Button icon={<CheckOutlined />} onClick={() => setAction('close')} data-testid="problem-close">
                {t('problems.close')}
              </Button>
            </>
          ) : (
            <Button icon={<RollbackOutlined />} onClick={() => setAction('reopen')} data-testid="problem-reopen">
              {t('problems.reopen')}
            </Button>
          )}
        </Space>
      ) : null}

      <div>
        <Typography.Title level={5}>{t('problems.thread')}</Typography.Title>
        {problem.replies.length ? (
          <List
            data-testid="problem-thread"
            dataSource={problem.replies}
            renderItem={(reply) => (
              <List.Item data-testid="problem-reply">
                <List.Item.Meta
                  title={
                    <Space wrap size={[8, 0]}>
                      <Typography.Text strong>{reply.authorName}</Typography.Text>
                      {reply.authorUnitName ? <Tag bordered={false}>{reply.authorUnitName}</Tag> : null}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(reply.createdAt)}
                      </Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.85)', overflowWrap: 'anywhere' }}>{reply.text}</div>
                      {reply.files.length ? (
                        <div style={{ marginTop: 8 }}>
                          <EvidenceFiles files={reply.files} />
                        </div>
                      ) : null}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problems.threadEmpty')} />
        )}
      </div>
      {canReply(user, problem) ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="problem-reply-box">
          <ProblemAlert error={replyError} onClose={() => setReplyError(null)} />
          <Input.TextArea
            rows={3}
            value={text}
            maxLength={TEXT_MAX}
            placeholder={t('problems.replyPlaceholder')}
            aria-label={t('problems.replyPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
          {/* Leaders (区领导) comment without files: the API's file.upload is not theirs. */}
          {user.role !== 'leader' ? <EvidenceUpload key={uploadKey} value={[]} onChange={setFiles} /> : null}
          <Button type="primary" icon={<SendOutlined />} disabled={!text.trim()} loading={sending} onClick={() => void send()} data-testid="problem-reply-send">
            {t('problems.replySend')}
          </Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t('problems.replyHidden')}</Typography.Text>
      )}
      {action ? <ActionModal problem={problem} action={action} onClose={() => setAction(null)} onDone={changed} /> : null}
    </Space>
  );
}

/** The problem in a drawer beside the list (the whole screen on a phone). */
export function ProblemDrawer({ problemId, onClose, onChanged }: { problemId: string | null; onClose: () => void; onChanged?: () => void }) {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  return (
    <Drawer open={!!problemId} onClose={onClose} width={phone ? '100%' : 640} title={t('problems.detail')} destroyOnClose>
      {problemId ? <ProblemDetailView key={problemId} problemId={problemId} onChanged={onChanged} /> : null}
    </Drawer>
  );
}

/** 提出问题: what blocks the project, its category and by when it must be solved (the project's owners; admins). */
export function RaiseProblemModal({ projectId, onClose, onRaised }: { projectId: string; onClose: () => void; onRaised: (problem: ProblemDetail) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; description: string; category: string; neededBy: Dayjs }>();
  const [files, setFiles] = useState<FileRef[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const today = trackerToday();
  const required = (field: string) => [{ required: true, whitespace: true, message: t('problems.required', { field }) }];

  const submit = async (values: { title: string; description: string; category: string; neededBy: Dayjs }) => {
    setSubmitting(true);
    setError(null);
    try {
      const raised = await api.post<ProblemDetail>(`/api/projects/${projectId}/problems`, {
        ...values,
        neededBy: values.neededBy.format('YYYY-MM-DD'),
        ...(files.length ? { fileIds: files.map((file) => file.id) } : {}),
      });
      void message.success(t('problems.raised'));
      onRaised(raised);
    } catch (reason) {
      setError(reason);
      form.setFields(
        formFieldErrors(reason, ([name]) => ['title', 'description', 'category', 'neededBy'].includes(name)) as Parameters<typeof form.setFields>[0],
      );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={t('problems.raiseTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      destroyOnClose
    >
      <ProblemAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="problem-raise-form">
        <Form.Item name="title" label={t('problems.raiseTitleLabel')} rules={required(t('problems.raiseTitleLabel'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('problems.description')} rules={required(t('problems.description'))}>
          <Input.TextArea rows={4} maxLength={TEXT_MAX} />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('problems.raiseCategory')}
          rules={[{ required: true, message: t('problems.required', { field: t('problems.raiseCategory') }) }]}
        >
          <Select options={categoryOptions(t)} />
        </Form.Item>
        <Form.Item
          name="neededBy"
          label={t('problems.neededBy')}
          rules={[{ required: true, message: t('problems.required', { field: t('problems.neededBy') }) }]}
        >
          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} disabledDate={(day) => day.format('YYYY-MM-DD') < today} />
        </Form.Item>
        <Form.Item label={t('problems.files')}>
          <EvidenceUpload value={[]} onChange={setFiles} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
