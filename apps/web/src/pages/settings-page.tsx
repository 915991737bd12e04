import { KeyOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Form, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useUser } from '../auth/auth';
import { ChangePasswordForm, ChangePasswordValues } from '../components/change-password-modal';
import { MailPreferences } from '../components/mail-preferences';
import { useI18n } from '../i18n';
import { ROLE_COLORS } from '../lib/role-colors';

/** 个人设置, for everyone: who they are signed in as, their password, and which mail they receive (where the mails' unsubscribe pages point). */
export default function SettingsPage() {
  const { t } = useI18n();
  const user = useUser();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [saving, setSaving] = useState(false);

  return (
    <>
      <div className="page-header">
        <Typography.Title level={3}>{t('settings.title')}</Typography.Title>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card
              size="small"
              title={
                <Space>
                  <UserOutlined />
                  {t('settings.profile')}
                </Space>
              }
              data-testid="settings-profile"
            >
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('admin.displayName')}>{user.displayName}</Descriptions.Item>
                <Descriptions.Item label={t('admin.username')}>
                  <Typography.Text code>{user.username}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('admin.role')}>
                  <Tag color={ROLE_COLORS[user.role]}>{t(`role.${user.role}`)}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('admin.unit')}>{user.unit?.name ?? '—'}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                {t('settings.profileHint')}
              </Typography.Paragraph>
            </Card>
            <Card
              size="small"
              title={
                <Space>
                  <KeyOutlined />
                  {t('password.change')}
                </Space>
              }
              data-testid="settings-password"
            >
              <ChangePasswordForm form={form} onSaving={setSaving} />
              <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="settings-password-save">
                {t('password.change')}
              </Button>
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <MailPreferences />
        </Col>
      </Row>
    </>
  );
}
