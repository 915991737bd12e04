/** The wall's axis and grid-line colours, shared by every dashboard chart. */
export const WALL_AXIS = '#8fb3d9';
export const WALL_SPLIT = 'rgba(143, 179, 217, 0.15)';

/** The side axis of the wall's horizontal bar charts: one row per label, the first on top, long names truncated. */
export function wallCategoryAxis(labels: string[], width = 130) {
  return {
    type: 'category',
    inverse: true,
    data: labels,
    axisLabel: { color: WALL_AXIS, width, overflow: 'truncate', interval: 0 },
    axisLine: { lineStyle: { color: WALL_SPLIT } },
    axisTick: { show: false },
  };
}
