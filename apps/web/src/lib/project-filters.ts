import type { Query } from '../api/client';
import { PROJECT_SORTS } from '../api/types';

/** The list's filters, exactly the query of GET /api/projects. They live in the URL, so a shared link opens the same view. */
export interface ProjectFilters {
  q?: string;
  part?: number;
  chapter?: number;
  column?: number;
  sector?: string;
  stage?: string;
  target?: string;
  unit?: string;
  rag?: string;
  overdue?: 'true' | 'false';
  sort?: string;
  page: number;
  pageSize: number;
}

export const FILTER_KEYS = ['q', 'part', 'chapter', 'column', 'sector', 'stage', 'target', 'unit', 'rag', 'overdue'] as const;
export const PAGE_SIZES = [20, 50, 100, 200];
const SORTS = new Set(PROJECT_SORTS.flatMap((sort) => [sort, `-${sort}`]));

function intOf(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
}

/** Reads the filters from the URL, dropping what the API would refuse (an old or hand-edited link still opens). */
export function filtersFromParams(params: URLSearchParams): ProjectFilters {
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const overdue = params.get('overdue');
  const sort = params.get('sort');
  const pageSize = intOf(params.get('pageSize'), 1, 200);
  return {
    q: text('q')?.slice(0, 100),
    part: intOf(params.get('part'), 1, 12),
    chapter: intOf(params.get('chapter'), 1, 36),
    column: intOf(params.get('column'), 1, 26),
    sector: text('sector'),
    stage: text('stage'),
    target: text('target'),
    unit: text('unit'),
    rag: text('rag'),
    overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
    sort: sort && SORTS.has(sort) ? sort : undefined,
    page: intOf(params.get('page'), 1, 1_000_000) ?? 1,
    pageSize: pageSize ?? 20,
  };
}

export function paramsFromFilters(filters: ProjectFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize !== 20) params.set('pageSize', String(filters.pageSize));
  return params;
}

export function filtersQuery(filters: ProjectFilters, withPaging = true): Query {
  const query: Query = {};
  for (const key of FILTER_KEYS) query[key] = filters[key];
  query.sort = filters.sort;
  if (withPaging) {
    query.page = filters.page;
    query.pageSize = filters.pageSize;
  }
  return query;
}

export function activeFilterCount(filters: ProjectFilters): number {
  return FILTER_KEYS.filter((key) => filters[key] !== undefined && filters[key] !== '').length;
}

/** A link to the list with these filters, for charts and the plan tree. */
export function projectListLink(filters: Partial<Record<(typeof FILTER_KEYS)[number], string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `/projects?${text}` : '/projects';
}
