import { MailOutlined } from '@ant-design/icons';
import { App as AntApp, Card, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { NotificationKind, NotificationPreferences } from '../api/types';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/use-async';
import { ProblemAlert } from './problem-alert';

/** 邮件通知: which kinds of mail the signed-in user receives (GET/PUT /api/me/notification-preferences); in-app notifications always arrive. */
export function MailPreferences() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const preferences = useAsync((signal) => api.get<NotificationPreferences>('/api/me/notification-preferences', undefined, signal), []);
  const [saving, setSaving] = useState<NotificationKind | null>(null);
  const [error, setError] = useState<unknown>(null);

  const toggle = async (kind: NotificationKind, enabled: boolean) => {
    setSaving(kind);
    setError(null);
    try {
      preferences.setData(await api.put<NotificationPreferences>('/api/me/notification-preferences', { [kind]: enabled }));
      message.success(t('common.saved'));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <MailOutlined />
          {t('notify.prefsTitle')}
        </Space>
      }
      data-testid="notification-preferences"
    >
      <ProblemAlert error={error ?? preferences.error} onRetry={preferences.error ? preferences.reload : undefined} />
      {(['alert', 'workflow', 'report', 'digest'] as const).map((kind) => (
        <div key={kind} className="pref-row">
          <div>
            <div>{t(`notify.pref.${kind}`)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`notify.pref.${kind}Hint`)}
            </Typography.Text>
          </div>
          <Switch
            checked={preferences.data?.[kind] ?? true}
            loading={saving === kind || (preferences.loading && !preferences.data)}
            disabled={!preferences.data}
            onChange={(enabled) => toggle(kind, enabled)}
            aria-label={t(`notify.pref.${kind}`)}
          />
        </div>
      ))}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('notify.prefsNote')}
      </Typography.Paragraph>
    </Card>
  );
}
