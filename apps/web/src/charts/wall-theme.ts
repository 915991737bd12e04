/** The wall's axis and grid-line colours, shared by every dashboard chart. */
export const WALL_AXIS = '#8fb3d9';
export const WALL_SPLIT = 'rgba(143, 179, 217, 0.15)';
