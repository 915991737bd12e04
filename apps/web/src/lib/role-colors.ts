import type { Role } from '../api/types';

/** Each role's tag colour, the same in the header and the user list. */
export const ROLE_COLORS: Record<Role, string> = { owner: 'blue', reviewer: 'gold', leader: 'purple', admin: 'magenta' };
