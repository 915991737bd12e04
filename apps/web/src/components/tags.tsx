import { FlagOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ProjectStatus, RagLevel, Stage } from '../api/types';
import { useI18n } from '../i18n';

/** One colour per stage everywhere: tags, charts and the Excel export. */
export const STAGE_COLORS: Record<ProjectStatus, string> = {
  study: '#7b61ff',
  start: '#1677ff',
  complete: '#13a8a8',
  on_hold: '#8c8c8c',
  cancelled: '#434343',
};
const STAGE_TAG: Record<ProjectStatus, string> = { study: 'purple', start: 'blue', complete: 'cyan', on_hold: 'default', cancelled: 'default' };
export const RAG_COLORS: Record<RagLevel, string> = { green: '#52c41a', amber: '#faad14', red: '#f5222d' };

export function StageTag({ stage }: { stage: ProjectStatus | null | undefined }) {
  const { tv } = useI18n();
  if (!stage) return null;
  return (
    <Tag color={STAGE_TAG[stage]} data-stage={stage} style={stage === 'cancelled' ? { textDecoration: 'line-through' } : undefined}>
      {tv('stage', stage)}
    </Tag>
  );
}

export function TargetTag({ target, ambiguous, verb }: { target: Stage; ambiguous?: boolean; verb?: string }) {
  const { t, tv } = useI18n();
  const tag = (
    <Tag icon={<FlagOutlined />} color={STAGE_TAG[target]} bordered={false} data-target={target}>
      {tv('target', target)}
      {ambiguous ? <QuestionCircleOutlined style={{ marginLeft: 4 }} /> : null}
    </Tag>
  );
  return ambiguous && verb ? <Tooltip title={t('list.ambiguousTarget', { verb })}>{tag}</Tooltip> : tag;
}

export function RagLight({ rag, size = 10, showLabel = true }: { rag: RagLevel | null | undefined; size?: number; showLabel?: boolean }) {
  const { tv } = useI18n();
  if (!rag) return null;
  return (
    <span
      className="rag-light"
      data-rag={rag}
      aria-label={tv('rag', rag)}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}
    >
      <span
        style={{
          width: size,
          height: size,
          borderRadius: '50%',
          background: RAG_COLORS[rag],
          boxShadow: `0 0 0 ${Math.max(2, size / 5)}px ${RAG_COLORS[rag]}33`,
          display: 'inline-block',
          flex: 'none',
        }}
      />
      {showLabel ? tv('rag', rag) : null}
    </span>
  );
}
