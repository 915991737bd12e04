/**
 * Shapes of the versioned catalog files in `libs/catalog/data/`.
 *
 * The catalog is plain data: the plan's structure (篇/章/节/专栏), the key projects named in
 * the columns (专栏), the 22 key indicators of 专栏1 and the responsible units. Every project is
 * traced to the exact clause of the plan text that named it.
 */

export const SECTORS = [
  'transport',
  'energy',
  'water',
  'logistics',
  'urban_renewal',
  'housing',
  'industry',
  'agriculture',
  'education',
  'health',
  'elderly_care',
  'culture_sports',
  'commerce',
  'ecology',
  'safety',
  'digital',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

/** Project stages, in order: 研究论证/前期 → 开工 → 建成. Used both for the plan's target and the baseline. */
export const STAGES = ['study', 'start', 'complete'] as const;
export type Stage = (typeof STAGES)[number];

/** One place in the plan that names a project. */
export interface Source {
  /** 专栏 number (1–26). */
  column: number;
  /** Number of the numbered item (`1．铁路` → 1) the clause stands in, or null for column text outside the items. */
  item: number | null;
  /** The shortest natural clause quoting the governing verb and the project; an exact substring of the plan text. */
  clause: string;
  /**
   * The words inside `clause` that name this project, given only when `clause` does not contain `name` itself
   * (lists that share a suffix — 「开工共同片区、中华村片区…等城中村改造」 → mention 「共同片区」 — or a second wording).
   */
  mention?: string;
}

export interface ProjectRecord {
  /** Stable unique key across the whole catalog; must never change once published (it is the first published name). */
  key: string;
  /** As the plan writes it, without the verb; qualifiers such as （南环至綦江段） are kept. */
  name: string;
  sector: Sector;
  /** What the plan commits to for 2026–2030, read from the governing verb. */
  target: Stage;
  /** True when the verb is vague (建设, 推进, 推动, 实施, 打造 …) and `target` is a default, not a commitment. */
  targetAmbiguous: boolean;
  /** The governing verb as written; a substring of at least one source clause. */
  targetVerb: string;
  /** Stage at the start of the plan period: `study` unless the plan says 在建 / 开工建设 / 即将建成 etc. */
  baselineStage: Stage;
  /** The plan's words that justify a baseline other than `study` (exact substring of the plan text). */
  baselineClause?: string;
  sources: Source[];
}

export interface Part {
  no: number;
  /** 第一篇 */
  label: string;
  title: string;
}

export interface Chapter {
  no: number;
  /** 第一章 */
  label: string;
  /** Number of the part (篇) the chapter belongs to. */
  part: number;
  title: string;
}

export interface Section {
  chapter: number;
  /** Number within the chapter (第二节 → 2). */
  no: number;
  label: string;
  title: string;
}

export interface ColumnItem {
  no: number;
  /** As written, e.g. `1．铁路`. */
  label: string;
  title: string;
}

export interface Column {
  no: number;
  /** 专栏14 */
  label: string;
  title: string;
  chapter: number;
  /** The last 节 heading before the column within its chapter, or null. */
  section: number | null;
  items: ColumnItem[];
}

export interface Structure {
  parts: Part[];
  chapters: Chapter[];
  sections: Section[];
  columns: Column[];
}

export type IndicatorNature = 'expected' | 'binding';

export interface Indicator {
  no: number;
  /** 经济发展, 创新驱动, 民生福祉, 绿色低碳, 安全保障 */
  category: string;
  name: string;
  /** Unit in the trailing brackets of the indicator name (`%`, `万元` …); null when the plan gives none. */
  unit: string | null;
  /** 2025 value as written (`——` = no data). */
  value2025: string;
  /** 2030 target as written, without the `*` marker. */
  target2030: string;
  nature: IndicatorNature;
  natureLabel: '预期性' | '约束性';
  /** The plan marks annual average growth rates with `*` (注：带*为年均增速). */
  annualGrowth: boolean;
  /** `value2025` as a number when it is a plain decimal, else null. */
  value2025Number: number | null;
  /** `target2030` as a number when it is a plain decimal, else null (﹤5.5, ＞80, 1.9:1, 完成市下达目标 …). */
  target2030Number: number | null;
}

/** A responsible unit (责任单位) and the sectors it answers for by default. */
export interface Unit {
  /** Short ascii slug. */
  code: string;
  name: string;
  sectors: Sector[];
}

export interface Catalog {
  structure: Structure;
  projects: ProjectRecord[];
  indicators: Indicator[];
  units: Unit[];
  /** The shipped copy of the plan text (data/plan-outline.txt). */
  planText: string;
}

/** The catalog files, by the name used in error messages. */
export const CATALOG_FILES = {
  plan: 'plan-outline.txt',
  structure: 'structure.json',
  projects: 'projects.json',
  indicators: 'indicators.json',
  units: 'units.json',
} as const;
export type CatalogFileName = (typeof CATALOG_FILES)[keyof typeof CATALOG_FILES];
