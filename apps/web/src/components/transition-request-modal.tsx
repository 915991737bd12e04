import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, DatePicker, Form, Input, List, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../api/client';
import type { AllowedTransition, ChecklistItem, FileRef, ProjectStatus, TransitionRequest } from '../api/types';
import { useI18n } from '../i18n';
import { trackerToday } from '../lib/dates';
import { EvidenceUpload } from './evidence-files';
import { formFieldErrors, ProblemAlert } from './problem-alert';
import { StageTag } from './tags';

const DATE_FIELDS = new Set(['approvalDate', 'constructionPermitDate', 'actualStartDate', 'acceptanceDate', 'inServiceDate']);

const ITEM_ICONS: Record<ChecklistItem['state'], JSX.Element> = {
  done: <CheckCircleOutlined style={{ color: '#52c41a' }} />,
  not_applicable: <MinusCircleOutlined style={{ color: '#8c8c8c' }} />,
  by_evidence: <CheckCircleOutlined style={{ color: '#1677ff' }} />,
  needs_evidence: <ClockCircleOutlined style={{ color: '#1677ff' }} />,
  pending: <CloseCircleOutlined style={{ color: '#ff4d4f' }} />,
  untracked: <MinusCircleOutlined style={{ color: '#d9d9d9' }} />,
};

/**
 * One transition's request: first its checklist (which earlier milestones are settled, which block), then — only
 * when nothing blocks — the evidence form: the fields its `requiredEvidence` names plus the dates that complete an
 * open milestone (施工许可日期), a reason when it needs one, evidence files (scans, photos), a comment.
 */
export function TransitionRequestModal({
  projectId,
  projectVersion,
  currentStage,
  transition,
  onClose,
  onSubmitted,
}: {
  projectId: string;
  projectVersion: number;
  currentStage: ProjectStatus;
  transition: AllowedTransition;
  onClose: () => void;
  onSubmitted: (request: TransitionRequest) => void;
}) {
  const { t, tv, language } = useI18n();
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [files, setFiles] = useState<FileRef[]>([]);
  const name = language === 'zh' ? transition.name.zh : transition.name.en;
  const today = trackerToday();
  const checklist = transition.guards.flatMap((guard) => guard.checklist).filter((item) => item.state !== 'untracked');
  const blocked = checklist.some((item) => item.state === 'pending');
  // An open milestone the form's date completes asks for that date, as required as the declared evidence.
  const completingFields = checklist.flatMap((item) => (item.state === 'needs_evidence' && item.evidence?.length ? [item.evidence[0]] : []));
  const fields = [...transition.requiredEvidence, ...completingFields.filter((field) => !transition.requiredEvidence.includes(field))];
  const itemText = (item: ChecklistItem) => t(`req.item.${item.state}`, { field: item.evidence?.length ? tv('evidence', item.evidence[0]) : '' });

  const submit = async (values: Record<string, unknown>) => {
    setSubmitting(true);
    setError(null);
    const evidence: Record<string, string> = {};
    for (const field of fields) {
      const value = (values.evidence as Record<string, unknown> | undefined)?.[field];
      if (value === undefined || value === null || value === '') continue;
      evidence[field] = DATE_FIELDS.has(field) ? (value as Dayjs).format('YYYY-MM-DD') : typeof value === 'string' ? value.trim() : JSON.stringify(value);
    }
    try {
      const request = await api.post<TransitionRequest>(`/api/projects/${projectId}/transition-requests`, {
        to: transition.to,
        ...(fields.length ? { evidence } : {}),
        ...(typeof values.reason === 'string' && values.reason.trim() ? { reason: values.reason.trim() } : {}),
        ...(typeof values.comment === 'string' && values.comment.trim() ? { comment: values.comment.trim() } : {}),
        ...(files.length ? { fileIds: files.map((file) => file.id) } : {}),
        version: projectVersion,
      });
      onSubmitted(request);
    } catch (reason) {
      setError(reason);
      const known = (path: string[]) => (path[0] === 'evidence' && fields.includes(path[1])) || path[0] === 'reason' || path[0] === 'comment';
      form.setFields(formFieldErrors(reason, known));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open
      title={t('req.title', { name })}
      onCancel={onClose}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      okButtonProps={{ disabled: blocked }}
      onOk={() => form.submit()}
      destroyOnClose
      width={560}
    >
      <Typography.Paragraph>
        <StageTag stage={currentStage} /> → <StageTag stage={transition.to} />
      </Typography.Paragraph>
      {checklist.length ? (
        <div data-testid="transition-checklist" style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t('req.checklist')}</Typography.Text>
          <List
            size="small"
            dataSource={checklist}
            renderItem={(item) => (
              <List.Item data-testid={`checklist-${item.milestone}`} data-state={item.state}>
                <span>
                  {ITEM_ICONS[item.state]} {item.name}
                </span>
                <Typography.Text type={item.state === 'pending' ? 'danger' : 'secondary'}>{itemText(item)}</Typography.Text>
              </List.Item>
            )}
          />
          <Alert type={blocked ? 'warning' : 'success'} showIcon message={blocked ? t('req.checklistBlocked') : t('req.checklistReady')} />
        </div>
      ) : null}
      <ProblemAlert error={error} />
      {blocked ? null : (
        <Form form={form} layout="vertical" onFinish={submit} data-testid="transition-form">
          {fields.map((field) => {
            const label = tv('evidence', field);
            return (
              <Form.Item key={field} label={label} name={['evidence', field]} rules={[{ required: true, message: t('req.evidenceRequired', { label }) }]}>
                {DATE_FIELDS.has(field) ? (
                  <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} placeholder={label} disabledDate={(day) => day.format('YYYY-MM-DD') > today} />
                ) : (
                  <Input placeholder={label} maxLength={200} />
                )}
              </Form.Item>
            );
          })}
          {transition.requiresReason ? (
            <Form.Item label={t('req.reason')} name="reason" rules={[{ required: true, whitespace: true, message: t('req.reasonRequired') }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          ) : null}
          <Form.Item label={t('files.title')}>
            <EvidenceUpload value={files} onChange={setFiles} />
          </Form.Item>
          <Form.Item label={t('common.comment')} name="comment">
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('common.commentPlaceholder')} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
