import { Empty, Tag, Timeline, Typography } from 'antd';
import type { HistoryEvent, Milestone } from '../api/types';
import { hasKey, useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { milestoneName } from './milestone-table';

const ACTION_COLORS: Record<string, string> = {
  'milestone.updated': 'blue',
  'milestone.rebaselined': 'orange',
  'transition.requested': 'gray',
  'transition.approved': 'green',
  'transition.rejected': 'red',
  'transition.overridden': 'purple',
  'transition.withdrawn': 'gray',
  'milestone.marked_not_applicable': 'gray',
  'milestone.applicable_again': 'blue',
};
const DATE_FIELDS = ['baselineDate', 'forecastDate', 'actualDate'] as const;

/** Who changed what and when, newest first, with the before → after of each change. */
export function HistoryTimeline({ events, milestones }: { events: HistoryEvent[]; milestones: Milestone[] }) {
  const { t, tv, language } = useI18n();
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.historyEmpty')} />;
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const actionKey = (action: string) => `history.${action}`;

  const describe = (event: HistoryEvent): string | null => {
    const before = event.before ?? {};
    const after = event.after ?? {};
    const shown = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '—');
    if (event.entityType === 'milestone') {
      const changes = DATE_FIELDS.filter((field) => before[field] !== after[field]).map(
        (field) => `${t(`history.field.${field}`)} ${shown(before[field])} → ${shown(after[field])}`,
      );
      return changes.join('；') || null;
    }
    if (event.action === 'transition.requested') return `→ ${tv('stage', shown(after.to))}`;
    if (typeof before.stage === 'string' && typeof after.stage === 'string') return `${tv('stage', before.stage)} → ${tv('stage', after.stage)}`;
    return null;
  };

  return (
    <Timeline
      items={[...events].reverse().map((event) => {
        const milestone = event.entityType === 'milestone' ? byId.get(event.entityId) : undefined;
        const key = actionKey(event.action);
        const detail = describe(event);
        return {
          color: ACTION_COLORS[event.action] ?? 'gray',
          children: (
            <div data-testid="history-item">
              <div>
                <Typography.Text strong>{hasKey(key) ? t(key) : t('history.other')}</Typography.Text>
                {milestone ? <Tag style={{ marginLeft: 8 }}>{milestoneName(milestone, language, tv)}</Tag> : null}
              </div>
              {detail ? <div>{detail}</div> : null}
              {event.comment ? <Typography.Text type="secondary">“{event.comment}”</Typography.Text> : null}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {event.actorName} · {formatDateTime(event.at)}
                </Typography.Text>
              </div>
            </div>
          ),
        };
      })}
    />
  );
}
