import { Tag, Typography } from 'antd';
import type { InvestmentLight, LightReason, ProjectLightReason, ReportGridStatus } from '../api/types';
import { useI18n } from '../i18n';

export const LIGHT_COLORS: Record<InvestmentLight, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
const LIGHT_TAG: Record<InvestmentLight, string> = { green: 'success', yellow: 'warning', red: 'error' };

/** An investment light (绿/黄/红灯) as a tag. */
export function LightTag({ light }: { light: InvestmentLight }) {
  const { tv } = useI18n();
  return (
    <Tag color={LIGHT_TAG[light]} data-light={light}>
      {tv('light', light)}
    </Tag>
  );
}

/** A report's state in the month grid: 未填, 草稿, 已报送, 已退回, and 逾期 while not submitted past its due day. */
export function ReportStatusTag({ status, overdue, late }: { status: ReportGridStatus; overdue?: boolean; late?: boolean }) {
  const { t, tv } = useI18n();
  const color = status === 'submitted' ? 'success' : status === 'returned' ? 'error' : status === 'draft' ? 'processing' : 'default';
  return (
    <span data-status={status} style={{ whiteSpace: 'nowrap' }}>
      <Tag color={color}>{tv('report.status', status)}</Tag>
      {overdue ? <Tag color="red">{t('report.overdue')}</Tag> : null}
      {late ? <Tag color="orange">{t('report.late')}</Tag> : null}
    </span>
  );
}

/**
 * The gap to 序时进度 in words, from the API's `gapPoints` (negative when behind): 低于序时进度 1.70 个百分点,
 * 高于…, or 与序时进度持平.
 */
export function useGapText(): (gapPoints: number | null | undefined) => string {
  const { t } = useI18n();
  return (gap) => {
    if (gap === null || gap === undefined) return t('invest.noRate');
    if (gap < 0) return t('invest.gapBehind', { n: (-gap).toFixed(2) });
    if (gap > 0) return t('invest.gapAhead', { n: gap.toFixed(2) });
    return t('invest.gapEven');
  };
}

/**
 * A light's reasons, each as the server words it in the language the console asked for; with `source`, the light it came
 * from (the project light combines the milestone RAG and the 调度's lights).
 */
export function LightReasons({ reasons }: { reasons: Array<LightReason | ProjectLightReason> }) {
  const { t, tv } = useI18n();
  if (!reasons.length) return <Typography.Text type="secondary">{t('invest.noReasons')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="light-reasons">
      {reasons.map((reason, i) => (
        <li key={i} style={{ color: reason.level === 'red' ? '#cf1322' : '#ad6800' }} data-code={reason.code}>
          {'source' in reason ? (
            <Tag bordered={false} style={{ marginRight: 4 }}>
              {tv('lightSource', reason.source)}
            </Tag>
          ) : null}
          {reason.text}
        </li>
      ))}
    </ul>
  );
}
