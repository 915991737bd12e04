import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { AdminUser, DigestPreview } from '../api/types';
import { useUser } from '../auth/auth';
import { PageError, ProblemAlert } from '../components/problem-alert';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/use-async';

type Part = 'html' | 'text';

/**
 * The mail's HTML in a sandboxed frame: an empty `sandbox` runs no script, submits no form and gives the
 * document an opaque origin, so nothing in a digest can reach the console or its token.
 */
function DigestFrame({ preview, part }: { preview: DigestPreview; part: Part }) {
  const { t } = useI18n();
  if (part === 'text') {
    return (
      <pre className="digest-text" data-testid="digest-text">
        {preview.text}
      </pre>
    );
  }
  return <iframe className="digest-frame" title={t('digest.frameTitle')} sandbox="" srcDoc={preview.html} data-testid="digest-html" />;
}

/** A digest's subject, its HTML or its text, loaded by `load`; also shows a week's digest as it was sent. */
export function Preview({ load, deps }: { load: (signal: AbortSignal) => Promise<DigestPreview>; deps: unknown[] }) {
  const { t } = useI18n();
  const [part, setPart] = useState<Part>('html');
  const preview = useAsync(load, deps);
  if (preview.error && !preview.data) return <ProblemAlert error={preview.error} onRetry={preview.reload} />;
  if (!preview.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <Card
      size="small"
      title={
        <Space direction="vertical" size={0} style={{ minWidth: 0, whiteSpace: 'normal' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {t('digest.subject')}
          </Typography.Text>
          <span data-testid="digest-subject">{preview.data.subject}</span>
        </Space>
      }
      extra={
        <Space wrap>
          <Segmented
            size="small"
            value={part}
            onChange={(value) => setPart(value as Part)}
            options={[
              { value: 'html', label: t('digest.html') },
              { value: 'text', label: t('digest.text') },
            ]}
            data-testid="digest-part"
          />
          <Button size="small" icon={<ReloadOutlined />} onClick={preview.reload} loading={preview.loading} aria-label={t('dash.refresh')} />
        </Space>
      }
      styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
    >
      <DigestFrame preview={preview.data} part={part} />
    </Card>
  );
}

/** Administrators preview anyone who receives the digest (active owners and reviewers). */
function AdminPreview() {
  const { t } = useI18n();
  const users = useAsync((signal) => api.get<{ items: AdminUser[] }>('/api/admin/users', undefined, signal), []);
  const [userId, setUserId] = useState<string>();
  if (users.error && !users.data) return <PageError error={users.error} onRetry={users.reload} />;
  const recipients = (users.data?.items ?? []).filter((u) => u.active && u.role !== 'admin');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Select
        showSearch
        optionFilterProp="label"
        placeholder={t('digest.pickUser')}
        value={userId}
        onChange={setUserId}
        loading={users.loading}
        style={{ width: '100%', maxWidth: 420 }}
        options={recipients.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}${u.unit ? ` · ${u.unit.name}` : ''}）` }))}
        data-testid="digest-user"
      />
      {userId ? (
        <Preview load={() => api.post<DigestPreview>(`/api/admin/digests/preview?userId=${encodeURIComponent(userId)}`)} deps={[userId]} />
      ) : (
        <Empty description={t('digest.pickUserHint')} />
      )}
    </Space>
  );
}

/** 周报预览: what this week's digest e-mail would say to me now; nothing is sent. */
export default function DigestPreviewPage() {
  const { t } = useI18n();
  const user = useUser();
  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('digest.title')}</Typography.Title>
          <Typography.Text type="secondary">{user.role === 'admin' ? t('digest.subtitleAdmin') : t('digest.subtitle')}</Typography.Text>
        </div>
      </div>
      <Alert type="info" showIcon message={t('digest.notSent')} style={{ marginBottom: 16 }} />
      {user.role === 'admin' ? (
        <AdminPreview />
      ) : (
        <Preview load={(signal) => api.get<DigestPreview>('/api/me/digest-preview', undefined, signal)} deps={[user.id]} />
      )}
    </>
  );
}
