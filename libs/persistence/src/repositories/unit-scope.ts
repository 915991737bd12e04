/**
 * What a read that serves a user may see: every unit's rows (reviewers, admins) or one unit's (an owner). Required
 * by the repositories that take it, so a forgotten filter is a type error, and a missing one at run time throws
 * rather than reading everything.
 */
export type UnitScope = { readonly kind: 'all' } | { readonly kind: 'unit'; readonly unitId: string };

export const ALL_UNITS: UnitScope = Object.freeze({ kind: 'all' });

export function oneUnit(unitId: string): UnitScope {
  return { kind: 'unit', unitId };
}

/** The unit id to filter on (`column = $n`), or null for every unit; throws on a missing or malformed scope. */
export function unitOfScope(scope: UnitScope | undefined): string | null {
  if (scope?.kind === 'all') return null;
  if (scope?.kind === 'unit' && typeof scope.unitId === 'string' && scope.unitId) return scope.unitId;
  throw new Error('a read that serves a user needs a unit scope (all units or one unit)');
}
