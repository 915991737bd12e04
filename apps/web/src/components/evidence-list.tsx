import { Descriptions } from 'antd';
import { useI18n } from '../i18n';

export function EvidenceList({ evidence, reason, comment }: { evidence: Record<string, string> | null; reason?: string | null; comment?: string | null }) {
  const { t, tv } = useI18n();
  const items = [
    ...Object.entries(evidence ?? {}).map(([field, value]) => ({ key: field, label: tv('evidence', field), children: value })),
    ...(reason ? [{ key: 'reason', label: t('req.reason'), children: reason }] : []),
    ...(comment ? [{ key: 'comment', label: t('common.comment'), children: comment }] : []),
  ];
  if (!items.length) return <span>—</span>;
  return <Descriptions size="small" column={1} items={items} bordered={false} labelStyle={{ whiteSpace: 'nowrap' }} />;
}
