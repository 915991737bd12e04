import { App, Alert, Form, Input, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { isApiError } from '../api/client';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n';
import { ProblemAlert } from './problem-alert';

export interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * 修改密码: POST /api/auth/password. The API checks the policy and names the field at fault, shown under that field.
 * The form of the header's dialog and of 个人设置; whoever holds `form` submits it.
 */
export function ChangePasswordForm({
  form,
  onDone,
  onSaving,
}: {
  form: FormInstance<ChangePasswordValues>;
  onDone?: () => void;
  onSaving?: (saving: boolean) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { changePassword } = useAuth();
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: ChangePasswordValues) => {
    onSaving?.(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      message.success(t('password.changed'));
      form.resetFields();
      onDone?.();
    } catch (caught) {
      const fields = isApiError(caught) ? caught.errors.filter((e) => e.field === 'currentPassword' || e.field === 'newPassword') : [];
      if (fields.length) form.setFields(fields.map((e) => ({ name: e.field as keyof ChangePasswordValues, errors: [e.message] })));
      else setError(caught);
    } finally {
      onSaving?.(false);
    }
  };

  return (
    <>
      <Alert type="info" showIcon message={t('password.rules')} style={{ marginBottom: 16 }} />
      <ProblemAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="change-password-form">
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true, message: t('password.newRequired') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.newRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </>
  );
}

/** The header's 修改密码 dialog. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [saving, setSaving] = useState(false);

  const close = () => {
    form.resetFields();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('password.change')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnClose
    >
      <ChangePasswordForm form={form} onDone={close} onSaving={setSaving} />
    </Modal>
  );
}
