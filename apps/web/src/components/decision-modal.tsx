import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { TransitionRequest } from '../api/types';
import { useI18n } from '../i18n';
import { ProblemAlert } from './problem-alert';

/** Approve or reject a transition request with a comment; rejecting needs one. Says what happened, then calls `onDecided`. */
export function DecisionModal({
  request,
  verdict,
  onClose,
  onDecided,
}: {
  request: TransitionRequest;
  verdict: 'approve' | 'reject';
  onClose: () => void;
  onDecided: (request: TransitionRequest) => void;
}) {
  const { t, tv } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async ({ comment }: { comment?: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      const decided = await api.post<TransitionRequest>(
        `/api/transition-requests/${request.id}/${verdict}`,
        comment?.trim() ? { comment: comment.trim() } : {},
      );
      message.success(decided.status === 'approved' ? t('approvals.approvedMessage', { to: tv('stage', decided.toStage) }) : t('approvals.rejectedMessage'));
      onDecided(decided);
    } catch (reason) {
      setError(reason);
    } finally {
      setSubmitting(false);
    }
  };

  const title =
    verdict === 'approve'
      ? t('approvals.approveTitle', { project: request.projectName, from: tv('stage', request.fromStage), to: tv('stage', request.toStage) })
      : t('approvals.rejectTitle', { project: request.projectName });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={verdict === 'approve' ? t('approvals.approve') : t('approvals.reject')}
      okButtonProps={{ danger: verdict === 'reject' }}
      cancelText={t('common.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      destroyOnClose
    >
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="decision-form">
        <Form.Item
          label={t('approvals.commentLabel')}
          name="comment"
          rules={verdict === 'reject' ? [{ required: true, whitespace: true, message: t('approvals.rejectCommentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
