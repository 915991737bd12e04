import { approvalsCatalogue, Catalog, ProjectRecord } from '@qj/catalog';
import { pinyin } from 'pinyin-pro';
import type { EntityManager } from 'typeorm';
import { backfillApprovals } from './approval-seeding';
import { seedMilestones } from './milestone-seeding';

export interface CatalogImportSummary {
  structure: { parts: number; chapters: number; sections: number; columns: number; items: number };
  units: { created: number };
  projects: { created: number; updated: number; unchanged: number; milestonesSeeded: number };
  sources: { written: number; removed: number };
  indicators: { written: number };
}

/** Full pinyin without tones, lower case, e.g. 渝贵高铁 → yuguigaotie; other characters kept as they are. */
export function fullPinyin(text: string): string {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
}

/** What `q` is matched against: the name, its full pinyin and its pinyin initials (渝贵高铁 → yggt). */
export function searchTextOf(name: string): string {
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
  // NFKC folds full-width forms (（）, Ｇ) so a query typed either way matches; queries are folded the same way.
  return [name, fullPinyin(name), initials].map((part) => part.normalize('NFKC').toLowerCase().replace(/\s+/g, '')).join(' ');
}

/**
 * Loads the catalog in the caller's transaction. Idempotent: records are matched by stable keys; catalog
 * fields are refreshed only where they differ; what people own after import — a project's stage and unit,
 * a unit's name — is never overwritten.
 */
export async function importCatalog(manager: EntityManager, catalog: Catalog, timeZone: string): Promise<CatalogImportSummary> {
  const { structure } = catalog;
  const json = (value: unknown) => JSON.stringify(value);

  await manager.query(
    `INSERT INTO plan_part (no, label, title) SELECT no, label, title FROM jsonb_to_recordset($1::jsonb) AS r(no smallint, label text, title text)
     ON CONFLICT (no) DO UPDATE SET label = EXCLUDED.label, title = EXCLUDED.title
     WHERE (plan_part.label, plan_part.title) IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.title)`,
    [json(structure.parts)],
  );
  await manager.query(
    `INSERT INTO plan_chapter (no, part_no, label, title)
     SELECT no, part, label, title FROM jsonb_to_recordset($1::jsonb) AS r(no smallint, part smallint, label text, title text)
     ON CONFLICT (no) DO UPDATE SET part_no = EXCLUDED.part_no, label = EXCLUDED.label, title = EXCLUDED.title
     WHERE (plan_chapter.part_no, plan_chapter.label, plan_chapter.title) IS DISTINCT FROM (EXCLUDED.part_no, EXCLUDED.label, EXCLUDED.title)`,
    [json(structure.chapters)],
  );
  await manager.query(
    `INSERT INTO plan_section (chapter_no, no, label, title)
     SELECT chapter, no, label, title FROM jsonb_to_recordset($1::jsonb) AS r(chapter smallint, no smallint, label text, title text)
     ON CONFLICT (chapter_no, no) DO UPDATE SET label = EXCLUDED.label, title = EXCLUDED.title
     WHERE (plan_section.label, plan_section.title) IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.title)`,
    [json(structure.sections)],
  );
  await manager.query(
    `INSERT INTO plan_column (no, label, title, chapter_no, section_no)
     SELECT no, label, title, chapter, section FROM jsonb_to_recordset($1::jsonb) AS r(no smallint, label text, title text, chapter smallint, section smallint)
     ON CONFLICT (no) DO UPDATE SET label = EXCLUDED.label, title = EXCLUDED.title, chapter_no = EXCLUDED.chapter_no, section_no = EXCLUDED.section_no
     WHERE (plan_column.label, plan_column.title, plan_column.chapter_no, plan_column.section_no)
       IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.title, EXCLUDED.chapter_no, EXCLUDED.section_no)`,
    [json(structure.columns.map(({ items: _items, ...column }) => column))],
  );
  const items = structure.columns.flatMap((column) => column.items.map((item) => ({ column: column.no, ...item })));
  await manager.query(
    `INSERT INTO plan_column_item (column_no, no, label, title)
     SELECT "column", no, label, title FROM jsonb_to_recordset($1::jsonb) AS r("column" smallint, no smallint, label text, title text)
     ON CONFLICT (column_no, no) DO UPDATE SET label = EXCLUDED.label, title = EXCLUDED.title
     WHERE (plan_column_item.label, plan_column_item.title) IS DISTINCT FROM (EXCLUDED.label, EXCLUDED.title)`,
    [json(items)],
  );

  const units = await manager.query(
    `INSERT INTO unit (code, name, sectors) SELECT code, name, sectors FROM jsonb_to_recordset($1::jsonb) AS r(code text, name text, sectors text[])
     ON CONFLICT (code) DO NOTHING RETURNING id`,
    [json(catalog.units)],
  );

  const chapterOfColumn = new Map(structure.columns.map((column) => [column.no, column.chapter]));
  const partOfChapter = new Map(structure.chapters.map((chapter) => [chapter.no, chapter.part]));
  const unitCodeOfSector = new Map(catalog.units.flatMap((unit) => unit.sectors.map((sector) => [sector, unit.code] as const)));
  const rows = catalog.projects.map((project, index) => projectRow(project, index, chapterOfColumn, partOfChapter, unitCodeOfSector));

  const written: Array<{ inserted: boolean }> = await manager.query(
    `INSERT INTO project (catalog_key, name, pinyin, search_text, sector, target, target_ambiguous, target_verb, baseline_stage,
                          baseline_clause, stage, unit_id, column_no, item_no, chapter_no, part_no, column_nos, chapter_nos, part_nos, plan_order)
     SELECT r.key, r.name, r.pinyin, r.search_text, r.sector, r.target, r.target_ambiguous, r.target_verb, r.baseline_stage,
            r.baseline_clause, r.baseline_stage, u.id, r.column_no, r.item_no, r.chapter_no, r.part_no, r.column_nos, r.chapter_nos, r.part_nos, r.plan_order
     FROM jsonb_to_recordset($1::jsonb) AS r(key text, name text, pinyin text, search_text text, sector text, target text, target_ambiguous boolean,
          target_verb text, baseline_stage text, baseline_clause text, unit_code text, column_no smallint, item_no smallint, chapter_no smallint,
          part_no smallint, column_nos smallint[], chapter_nos smallint[], part_nos smallint[], plan_order integer)
     JOIN unit u ON u.code = r.unit_code
     ON CONFLICT (catalog_key) DO UPDATE SET
       name = EXCLUDED.name, pinyin = EXCLUDED.pinyin, search_text = EXCLUDED.search_text, sector = EXCLUDED.sector, target = EXCLUDED.target,
       target_ambiguous = EXCLUDED.target_ambiguous, target_verb = EXCLUDED.target_verb, baseline_stage = EXCLUDED.baseline_stage,
       baseline_clause = EXCLUDED.baseline_clause, column_no = EXCLUDED.column_no, item_no = EXCLUDED.item_no, chapter_no = EXCLUDED.chapter_no,
       part_no = EXCLUDED.part_no, column_nos = EXCLUDED.column_nos, chapter_nos = EXCLUDED.chapter_nos, part_nos = EXCLUDED.part_nos,
       plan_order = EXCLUDED.plan_order, updated_at = now()
     WHERE (project.name, project.pinyin, project.search_text, project.sector, project.target, project.target_ambiguous, project.target_verb,
            project.baseline_stage, project.baseline_clause, project.column_no, project.item_no, project.chapter_no, project.part_no,
            project.column_nos, project.chapter_nos, project.part_nos, project.plan_order)
       IS DISTINCT FROM
           (EXCLUDED.name, EXCLUDED.pinyin, EXCLUDED.search_text, EXCLUDED.sector, EXCLUDED.target, EXCLUDED.target_ambiguous, EXCLUDED.target_verb,
            EXCLUDED.baseline_stage, EXCLUDED.baseline_clause, EXCLUDED.column_no, EXCLUDED.item_no, EXCLUDED.chapter_no, EXCLUDED.part_no,
            EXCLUDED.column_nos, EXCLUDED.chapter_nos, EXCLUDED.part_nos, EXCLUDED.plan_order)
     RETURNING (xmax = 0) AS inserted`,
    [json(rows)],
  );
  const created = written.filter((row) => row.inserted).length;

  const sources = catalog.projects.flatMap((project) =>
    project.sources.map((source, ordinal) => ({
      key: project.key,
      ordinal,
      column_no: source.column,
      item_no: source.item,
      chapter_no: chapterOfColumn.get(source.column),
      clause: source.clause,
      mention: source.mention ?? null,
    })),
  );
  const [, removedCount] = await manager.query(
    `DELETE FROM project_source s USING project p
     WHERE s.project_id = p.id
       AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset($1::jsonb) AS r(key text, column_no smallint, clause text)
                       WHERE r.key = p.catalog_key AND r.column_no = s.column_no AND r.clause = s.clause)`,
    [json(sources)],
  );
  const sourcesWritten: unknown[] = await manager.query(
    `INSERT INTO project_source (project_id, ordinal, column_no, item_no, chapter_no, clause, mention)
     SELECT p.id, r.ordinal, r.column_no, r.item_no, r.chapter_no, r.clause, r.mention
     FROM jsonb_to_recordset($1::jsonb) AS r(key text, ordinal smallint, column_no smallint, item_no smallint, chapter_no smallint, clause text, mention text)
     JOIN project p ON p.catalog_key = r.key
     ON CONFLICT (project_id, column_no, clause) DO UPDATE SET ordinal = EXCLUDED.ordinal, item_no = EXCLUDED.item_no,
       chapter_no = EXCLUDED.chapter_no, mention = EXCLUDED.mention
     WHERE (project_source.ordinal, project_source.item_no, project_source.chapter_no, project_source.mention)
       IS DISTINCT FROM (EXCLUDED.ordinal, EXCLUDED.item_no, EXCLUDED.chapter_no, EXCLUDED.mention)
     RETURNING id`,
    [json(sources)],
  );

  const indicators: unknown[] = await manager.query(
    `INSERT INTO indicator (no, category, name, unit, value_2025, target_2030, value_2025_number, target_2030_number, nature, nature_label, annual_growth)
     SELECT no, category, name, unit, "value2025", "target2030", "value2025Number", "target2030Number", nature, "natureLabel", "annualGrowth"
     FROM jsonb_to_recordset($1::jsonb) AS r(no smallint, category text, name text, unit text, "value2025" text, "target2030" text,
          "value2025Number" numeric, "target2030Number" numeric, nature text, "natureLabel" text, "annualGrowth" boolean)
     ON CONFLICT (no) DO UPDATE SET category = EXCLUDED.category, name = EXCLUDED.name, unit = EXCLUDED.unit, value_2025 = EXCLUDED.value_2025,
       target_2030 = EXCLUDED.target_2030, value_2025_number = EXCLUDED.value_2025_number, target_2030_number = EXCLUDED.target_2030_number,
       nature = EXCLUDED.nature, nature_label = EXCLUDED.nature_label, annual_growth = EXCLUDED.annual_growth
     WHERE (indicator.category, indicator.name, indicator.unit, indicator.value_2025, indicator.target_2030, indicator.nature, indicator.annual_growth)
       IS DISTINCT FROM (EXCLUDED.category, EXCLUDED.name, EXCLUDED.unit, EXCLUDED.value_2025, EXCLUDED.target_2030, EXCLUDED.nature, EXCLUDED.annual_growth)
     RETURNING no`,
    [json(catalog.indicators)],
  );

  const milestonesSeeded = await seedMilestones(manager, timeZone);
  // New projects get their type's approvals from the latest catalogue; existing ones already have them (idempotent).
  await backfillApprovals(manager, approvalsCatalogue);

  return {
    structure: {
      parts: structure.parts.length,
      chapters: structure.chapters.length,
      sections: structure.sections.length,
      columns: structure.columns.length,
      items: items.length,
    },
    units: { created: units.length },
    projects: { created, updated: written.length - created, unchanged: rows.length - written.length, milestonesSeeded },
    sources: { written: sourcesWritten.length, removed: Number(removedCount ?? 0) },
    indicators: { written: indicators.length },
  };
}

function projectRow(
  project: ProjectRecord,
  planOrder: number,
  chapterOfColumn: Map<number, number>,
  partOfChapter: Map<number, number>,
  unitCodeOfSector: Map<string, string>,
) {
  const [primary] = project.sources;
  const columnNos = unique(project.sources.map((source) => source.column));
  const chapterNos = unique(columnNos.map((column) => chapterOfColumn.get(column) as number));
  const chapterNo = chapterOfColumn.get(primary.column) as number;
  return {
    key: project.key,
    name: project.name,
    pinyin: fullPinyin(project.name),
    search_text: searchTextOf(project.name),
    sector: project.sector,
    target: project.target,
    target_ambiguous: project.targetAmbiguous,
    target_verb: project.targetVerb,
    baseline_stage: project.baselineStage,
    baseline_clause: project.baselineClause ?? null,
    unit_code: unitCodeOfSector.get(project.sector),
    column_no: primary.column,
    item_no: primary.item,
    chapter_no: chapterNo,
    part_no: partOfChapter.get(chapterNo),
    column_nos: columnNos,
    chapter_nos: chapterNos,
    part_nos: unique(chapterNos.map((chapter) => partOfChapter.get(chapter) as number)),
    plan_order: planOrder,
  };
}

function unique(values: number[]): number[] {
  return [...new Set(values)];
}
