import { PROJECT_STATUS_LABELS, SECTOR_LABELS, type ProjectStatus } from '@qj/domain';

export const RAG_LABELS_ZH: Readonly<Record<string, string>> = { green: '绿灯', amber: '黄灯', red: '红灯' };

/** Cell fills (ARGB) that match the console's tags, so the printed 台账 reads like the screen. */
export const RAG_FILLS: Readonly<Record<string, string>> = { green: 'FFD9F7BE', amber: 'FFFFE58F', red: 'FFFFCCC7' };

export function stageLabel(stage: string): string {
  return PROJECT_STATUS_LABELS[stage as ProjectStatus]?.zh ?? stage;
}

/** The query's filters in words, for the sheet's subtitle (so a printed copy says what it shows). */
export function describeFilters(
  filter: Record<string, unknown>,
  names: { chapter: (no: number) => string; column: (no: number) => string; part: (no: number) => string },
): string {
  const parts: string[] = [];
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  if (filter.part !== undefined) parts.push(`篇：${names.part(Number(filter.part))}`);
  if (filter.chapter !== undefined) parts.push(`章：${names.chapter(Number(filter.chapter))}`);
  if (filter.column !== undefined) parts.push(`专栏：${names.column(Number(filter.column))}`);
  if (filter.sector !== undefined) parts.push(`行业领域：${SECTOR_LABELS[text(filter.sector)] ?? text(filter.sector)}`);
  if (filter.stage !== undefined) parts.push(`当前阶段：${stageLabel(text(filter.stage))}`);
  if (filter.target !== undefined) parts.push(`2030年目标：${stageLabel(text(filter.target))}`);
  if (filter.unit !== undefined) parts.push(`责任单位：${text(filter.unit)}`);
  if (filter.rag !== undefined) parts.push(`红黄绿灯：${RAG_LABELS_ZH[text(filter.rag)] ?? text(filter.rag)}`);
  if (filter.overdue !== undefined) parts.push(filter.overdue ? '有逾期里程碑' : '无逾期里程碑');
  if (filter.q) parts.push(`关键词：${text(filter.q)}`);
  return parts.length ? parts.join('；') : '全部项目';
}
