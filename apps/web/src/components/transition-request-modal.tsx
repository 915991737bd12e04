import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, isApiError } from '../api/client';
import type { AllowedTransition, ProjectStatus, TransitionRequest } from '../api/types';
import { useI18n } from '../i18n';
import { todayInShanghai } from '../lib/dates';
import { formFieldErrors, ProblemAlert } from './problem-alert';
import { StageTag } from './tags';

const DATE_FIELDS = new Set(['approvalDate', 'actualStartDate', 'acceptanceDate']);

/** The evidence form of one transition: the fields its `requiredEvidence` names, a reason when it needs one, a comment. */
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
  const name = language === 'zh' ? transition.name.zh : transition.name.en;
  const today = todayInShanghai();

  const submit = async (values: Record<string, unknown>) => {
    setSubmitting(true);
    setError(null);
    const evidence: Record<string, string> = {};
    for (const field of transition.requiredEvidence) {
      const value = (values.evidence as Record<string, unknown> | undefined)?.[field];
      if (value === undefined || value === null || value === '') continue;
      evidence[field] = DATE_FIELDS.has(field) ? (value as Dayjs).format('YYYY-MM-DD') : String(value).trim();
    }
    try {
      const request = await api.post<TransitionRequest>(`/api/projects/${projectId}/transition-requests`, {
        to: transition.to,
        ...(transition.requiredEvidence.length ? { evidence } : {}),
        ...(typeof values.reason === 'string' && values.reason.trim() ? { reason: values.reason.trim() } : {}),
        ...(typeof values.comment === 'string' && values.comment.trim() ? { comment: values.comment.trim() } : {}),
        version: projectVersion,
      });
      onSubmitted(request);
    } catch (reason) {
      setError(reason);
      const known = (path: string[]) => (path[0] === 'evidence' && transition.requiredEvidence.includes(path[1])) || path[0] === 'reason' || path[0] === 'comment';
      form.setFields(formFieldErrors(reason, known));
    } finally {
      setSubmitting(false);
    }
  };

  const missing = isApiError(error) && Array.isArray(error.body.failedGuards)
    ? (error.body.failedGuards as Array<{ missing: string[] }>).flatMap((g) => g.missing)
    : [];

  return (
    <Modal
      open
      title={t('req.title', { name })}
      onCancel={onClose}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      destroyOnClose
      width={560}
    >
      <Typography.Paragraph>
        <StageTag stage={currentStage} /> → <StageTag stage={transition.to} />
      </Typography.Paragraph>
      <ProblemAlert error={error} />
      {missing.length ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('req.missingMilestones', { names: missing.map((code) => tv('milestone', code)).join('、') })} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} data-testid="transition-form">
        {transition.requiredEvidence.map((field) => {
          const label = tv('evidence', field);
          return (
            <Form.Item key={field} label={label} name={['evidence', field]} rules={[{ required: true, message: t('req.evidenceRequired', { label }) }]}>
              {DATE_FIELDS.has(field) ? (
                <DatePicker
                  format="YYYY-MM-DD"
                  style={{ width: '100%' }}
                  placeholder={label}
                  disabledDate={(day) => day.format('YYYY-MM-DD') > today}
                />
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
        <Form.Item label={t('common.comment')} name="comment">
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('common.commentPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
