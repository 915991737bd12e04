import { Spin } from 'antd';
import { useI18n } from '../i18n';

export function PageLoading() {
  const { t } = useI18n();
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }} aria-busy="true">
      <Spin tip={t('common.loading')} size="large">
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </div>
  );
}
