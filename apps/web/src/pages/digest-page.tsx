import { Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { DigestPreview } from '../api/types';
import { useI18n } from '../i18n';
import { Preview } from './digest-preview-page';

/** 每周简报: one week's digest as it was composed and sent; its notification opens it. */
export default function DigestPage() {
  const { t } = useI18n();
  const { week = '' } = useParams();
  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3}>{t('digest.weekTitle', { week: week.slice(0, 8) })}</Typography.Title>
          <Typography.Text type="secondary">{t('digest.weekSubtitle')}</Typography.Text>
        </div>
      </div>
      <Preview load={(signal) => api.get<DigestPreview>(`/api/me/digests/${encodeURIComponent(week)}`, undefined, signal)} deps={[week]} />
    </>
  );
}
