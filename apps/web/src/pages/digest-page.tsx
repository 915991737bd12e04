import { Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { SentDigest } from '../api/types';
import { useI18n } from '../i18n';
import { Preview } from './digest-preview-page';

/** 每周简报: one week's digest as it was composed and sent; its notification opens it. */
export default function DigestPage() {
  const { t } = useI18n();
  const { week = '' } = useParams();
  // The week as the mails name it (第48周（11月23日—29日）), from the API's one rule; the bare title until it is loaded.
  const [label, setLabel] = useState<string>();
  return (
    <>
      <div className="page-header">
        <div>
          <Typography.Title level={3} data-testid="digest-week-title">
            {t('digest.weekTitle', { week: label ?? '' })}
          </Typography.Title>
          <Typography.Text type="secondary">{t('digest.weekSubtitle')}</Typography.Text>
        </div>
      </div>
      <Preview
        load={async (signal) => {
          const digest = await api.get<SentDigest>(`/api/me/digests/${encodeURIComponent(week)}`, undefined, signal);
          setLabel(digest.weekLabel);
          return digest;
        }}
        deps={[week]}
      />
    </>
  );
}
