import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { DemoCleared, DemoLoaded, DemoStatus } from '../api/types';
import { useAuth } from '../auth/auth';
import { useI18n } from '../i18n';
import { useAsync } from '../lib/use-async';

/** The demo history's status (GET /api/demo), asked again on each page. A load or clear reloads the console: every page's data changed. */
function useDemoStatus(pathname?: string) {
  return useAsync((signal) => api.get<DemoStatus>('/api/demo', undefined, signal), [pathname]).data;
}

/** 演示数据 in the header of every page while the demo history is loaded; admins may clear it there. */
export function DemoBanner({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const status = useDemoStatus(pathname);
  const [clearing, setClearing] = useState(false);
  if (!status?.loaded) return null;
  const clear = async () => {
    setClearing(true);
    try {
      const cleared = await api.delete<DemoCleared>('/api/admin/demo');
      message.success(t('demo.cleared', { seconds: (cleared.milliseconds / 1000).toFixed(1) }));
      window.location.reload();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setClearing(false);
    }
  };
  return (
    <span className="demo-banner" data-testid="demo-banner">
      <Tag color="orange" icon={<ExperimentOutlined />} title={t('demo.bannerHint')} style={{ marginInlineEnd: 0 }}>
        {t('demo.banner')}
      </Tag>
      {hasRole('admin') && status.status === 'loaded' ? (
        <Popconfirm title={t('demo.clearConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={clear}>
          <Button size="small" danger loading={clearing} data-testid="demo-clear">
            {t('demo.clear')}
          </Button>
        </Popconfirm>
      ) : null}
    </span>
  );
}

/** On the dashboard of a tracker with no activity, for admins: 载入演示数据 (with a confirmation; it takes a minute). */
export function DemoLoadPrompt() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const status = useDemoStatus();
  const [loading, setLoading] = useState(false);
  if (!hasRole('admin') || !status?.canLoad) return null;
  const load = async () => {
    setLoading(true);
    try {
      const loaded = await api.post<DemoLoaded>('/api/admin/demo');
      message.success(t('demo.loaded', { reports: loaded.actions.report, seconds: (loaded.milliseconds / 1000).toFixed(1) }));
      window.location.reload();
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Alert
      type="info"
      showIcon
      icon={<ExperimentOutlined />}
      data-testid="demo-load-prompt"
      message={t('demo.emptyTitle')}
      description={t('demo.emptyHint')}
      action={
        <Popconfirm title={t('demo.loadConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={load}>
          <Button type="primary" loading={loading} data-testid="demo-load">
            {t('demo.load')}
          </Button>
        </Popconfirm>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
