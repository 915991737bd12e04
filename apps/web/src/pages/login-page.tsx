import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { homePathFor, useAuth } from '../auth/auth';
import { ProblemAlert } from '../components/problem-alert';
import { useI18n } from '../i18n';

const DEMO_PASSWORD = 'qijiang2030';
const DEMO_OWNERS = ['owner_transport', 'owner_water', 'owner_education', 'owner_health', 'owner_housing'];

/** Only same-site paths: a `next` from the URL must not send anyone elsewhere. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

export function LoginPage() {
  const { t, language, setLanguage } = useI18n();
  const { user, signIn, expired } = useAuth();
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));

  if (user) return <Navigate to={next ?? homePathFor(user.role)} replace />;

  const submit = async (values: { username: string; password: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      const profile = await signIn(values.username.trim(), values.password);
      void navigate(next ?? homePathFor(profile.role), { replace: true });
    } catch (reason) {
      setError(reason);
      setSubmitting(false);
    }
  };

  const fill = (username: string) => {
    form.setFieldsValue({ username, password: DEMO_PASSWORD });
    (form.getFieldInstance('password') as { focus?: () => void } | undefined)?.focus?.();
  };

  return (
    <main className="login-page">
      <Card className="login-card" styles={{ body: { padding: 28 } }}>
        <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 20 }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
            <img src="/favicon.svg" alt="" width={40} height={40} />
            <Button size="small" icon={<TranslationOutlined />} onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}>
              {t('app.language')}
            </Button>
          </Space>
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
        </Space>
        {expired ? <Alert type="warning" showIcon message={t('auth.expired')} style={{ marginBottom: 16 }} /> : null}
        <ProblemAlert error={error} onClose={() => setError(null)} />
        <Form form={form} name="login" layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
          <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t('auth.signIn')}
          </Button>
        </Form>
        <Alert
          type="info"
          style={{ marginTop: 20 }}
          message={t('auth.demoTitle', { password: DEMO_PASSWORD })}
          description={
            <div className="demo-accounts">
              <div>
                <Button type="link" onClick={() => fill('reviewer')}>
                  reviewer
                </Button>
                — {t('auth.demoReviewer')}
              </div>
              <div>
                <Button type="link" onClick={() => fill('admin')}>
                  admin
                </Button>
                — {t('auth.demoAdmin')}
              </div>
              <div>
                {t('auth.demoOwners')}
                {t('common.colon')}
                {DEMO_OWNERS.map((name) => (
                  <Button key={name} type="link" onClick={() => fill(name)}>
                    {name}
                  </Button>
                ))}
                …
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('auth.demoUse')}
              </Typography.Text>
            </div>
          }
        />
      </Card>
    </main>
  );
}
