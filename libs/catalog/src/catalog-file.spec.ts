import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { CATALOG_FILES, SECTORS, type ProjectRecord } from './catalog.types';
import { CatalogFileError, DEFAULT_CATALOG_DIR, loadCatalog, unitForSector, validateCatalog, type CatalogIssue, type RawCatalog } from './catalog-file';
import { chineseNumber, extractIndicators, extractStructure } from './plan-text';
import { readVerb } from './verb-rules';

const dataDir = DEFAULT_CATALOG_DIR;
const planText = fs.readFileSync(path.join(dataDir, CATALOG_FILES.plan), 'utf8');
const readRaw = (): RawCatalog => ({
  structure: JSON.parse(fs.readFileSync(path.join(dataDir, CATALOG_FILES.structure), 'utf8')),
  projects: JSON.parse(fs.readFileSync(path.join(dataDir, CATALOG_FILES.projects), 'utf8')),
  indicators: JSON.parse(fs.readFileSync(path.join(dataDir, CATALOG_FILES.indicators), 'utf8')),
  units: JSON.parse(fs.readFileSync(path.join(dataDir, CATALOG_FILES.units), 'utf8')),
});
const catalog = loadCatalog();
const byName = (name: string): ProjectRecord | undefined => catalog.projects.find((p) => p.name === name);
const inColumn = (column: number): ProjectRecord[] => catalog.projects.filter((p) => p.sources.some((s) => s.column === column));

/**
 * REVIEWED project counts per column (专栏). A project counts once in every column that names it, so the sum
 * (324) exceeds the number of records (314): ten projects are named in two places. Columns 1, 9 and 18 name no
 * project. Change this table only together with a review of the column in docs/CATALOG.md (the names per column
 * are in column-coverage.spec.ts).
 */
const REVIEWED_COUNTS: Record<number, number> = {
  1: 0,
  2: 13,
  3: 9,
  4: 8,
  5: 12,
  6: 4,
  7: 4,
  8: 3,
  9: 0,
  10: 3,
  11: 4,
  12: 75,
  13: 11,
  14: 25,
  15: 26,
  16: 22,
  17: 13,
  18: 0,
  19: 12,
  20: 6,
  21: 12,
  22: 11,
  23: 6,
  24: 21,
  25: 12,
  26: 11,
};
const REVIEWED_TOTAL = 314;
/** 专栏12 is the largest column: per numbered item (城市更新, “四好”建设, 城市功能品质, 城市环境风貌, 韧性城市, 城市智管). */
const REVIEWED_COLUMN_12_ITEMS: Record<number, number> = { 1: 18, 2: 17, 3: 22, 4: 8, 5: 8, 6: 2 };

/** Chapter of every column, read off the plan by hand. */
const COLUMN_CHAPTERS: Record<number, number> = {
  1: 3,
  2: 5,
  3: 6,
  4: 6,
  5: 6,
  6: 6,
  7: 6,
  8: 6,
  9: 7,
  10: 8,
  11: 10,
  12: 11,
  13: 12,
  14: 15,
  15: 15,
  16: 15,
  17: 16,
  18: 17,
  19: 20,
  20: 22,
  21: 23,
  22: 24,
  23: 25,
  24: 28,
  25: 29,
  26: 31,
};

describe('shipped catalog', () => {
  it('(a) loads with zero errors', () => {
    expect(validateCatalog(readRaw(), planText)).toEqual([]);
    expect(catalog.projects).toHaveLength(REVIEWED_TOTAL);
    expect(catalog.units).toHaveLength(13);
  });

  it('(b) quotes every source clause and baseline clause verbatim from the plan text', () => {
    for (const p of catalog.projects) {
      for (const s of p.sources) {
        expect(planText.includes(s.clause)).toBe(true);
        if (s.mention !== undefined) expect(s.clause.includes(s.mention)).toBe(true);
        expect(s.clause.includes(p.name) || s.mention !== undefined).toBe(true);
      }
      if (p.baselineClause !== undefined) expect(planText.includes(p.baselineClause)).toBe(true);
      expect(p.sources.some((s) => s.clause.includes(p.targetVerb))).toBe(true);
    }
  });

  it('(c) has the reviewed number of projects in every column', () => {
    const counts: Record<number, number> = {};
    for (const c of catalog.structure.columns) counts[c.no] = inColumn(c.no).length;
    expect(counts).toEqual(REVIEWED_COUNTS);
    const items: Record<number, number> = {};
    for (const p of inColumn(12))
      for (const item of new Set(p.sources.filter((s) => s.column === 12).map((s) => s.item))) items[item ?? 0] = (items[item ?? 0] ?? 0) + 1;
    expect(items).toEqual(REVIEWED_COLUMN_12_ITEMS);
  });

  it('(d) has unique keys, and no name twice within a column or across the catalog', () => {
    const keys = catalog.projects.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    const names = catalog.projects.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of catalog.structure.columns) {
      const inThisColumn = inColumn(c.no).map((p) => p.name);
      expect(new Set(inThisColumn).size).toBe(inThisColumn.length);
    }
  });

  it('keeps every published key (keys never change once published)', () => {
    const published = fs
      .readFileSync(path.join(dataDir, 'published-keys.txt'), 'utf8')
      .split('\n')
      .filter((k) => k !== '');
    const keys = new Set(catalog.projects.map((p) => p.key));
    expect(published.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('(e) has 12 parts, 36 chapters, 26 columns in the right chapters and 22 indicators', () => {
    const { parts, chapters, columns } = catalog.structure;
    expect(parts.map((p) => p.no)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(chapters.map((c) => c.no)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    expect(columns.map((c) => c.no)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(Object.fromEntries(columns.map((c) => [c.no, c.chapter]))).toEqual(COLUMN_CHAPTERS);
    expect(parts[0]).toEqual({ no: 1, label: '第一篇', title: '新时代新阶段新起点，奋力谱写多彩綦江新篇章' });
    expect(chapters.find((c) => c.no === 15)).toEqual({ no: 15, label: '第十五章', part: 6, title: '着力扩大有效投资' });
    expect(catalog.structure.sections.find((s) => s.chapter === 15 && s.no === 1)?.title).toBe('打造重庆南部区域性综合交通枢纽');
    const column14 = columns.find((c) => c.no === 14)!;
    expect(column14).toMatchObject({ label: '专栏14', title: '交通领域重点项目', chapter: 15, section: 1 });
    expect(column14.items.map((i) => i.label)).toEqual(['1．铁路', '2．公路', '3．航运', '4．低空']);
    expect(columns.find((c) => c.no === 25)!.items).toEqual([]);
    expect(columns.find((c) => c.no === 18)!.items[0]).toEqual({ no: 1, label: '1.“减环节”', title: '“减环节”' });

    expect(catalog.indicators).toHaveLength(22);
    expect(catalog.indicators[0]).toEqual({
      no: 1,
      category: '经济发展',
      name: '地区生产总值增长',
      unit: '%',
      value2025: '6.3',
      target2030: '6',
      nature: 'expected',
      natureLabel: '预期性',
      annualGrowth: true,
      value2025Number: 6.3,
      target2030Number: 6,
    });
    expect(catalog.indicators.filter((i) => i.annualGrowth).map((i) => i.no)).toEqual([1, 3, 4, 6]);
    expect(catalog.indicators.filter((i) => i.nature === 'binding').map((i) => i.no)).toEqual([11, 17, 18, 19, 20, 21, 22]);
    expect(catalog.indicators.find((i) => i.no === 19)).toMatchObject({ name: '细颗粒物（PM2.5）浓度', unit: '微克/立方米' });
    expect(catalog.indicators.find((i) => i.no === 16)).toMatchObject({ unit: null, value2025: '1.92:1', target2030Number: null });
  });

  it('structure.json and indicators.json are exactly what the extractor reads from the plan', () => {
    expect(catalog.structure).toEqual(extractStructure(planText));
    expect(catalog.indicators).toEqual(extractIndicators(planText));
  });

  it('(f) ships an identical copy of the plan text', () => {
    const shared = path.resolve(__dirname, '../../../../shared/plan/000_370bc6818c43a317.txt');
    if (fs.existsSync(shared)) {
      expect(fs.readFileSync(path.join(dataDir, CATALOG_FILES.plan)).equals(fs.readFileSync(shared))).toBe(true);
    }
    expect(planText.split('\n')).toHaveLength(948 + 1);
  });

  it('(h) spot checks', () => {
    expect(byName('渝贵高铁')).toMatchObject({
      key: '渝贵高铁',
      target: 'start',
      targetAmbiguous: false,
      targetVerb: '开工',
      sector: 'transport',
      sources: [{ column: 14, item: 1, clause: '开工渝贵高铁' }],
    });
    for (const name of ['藻渡大型水库', '福林中型水库']) {
      expect(byName(name)).toMatchObject({ target: 'complete', targetVerb: '建成投用', sector: 'water' });
      expect(byName(name)!.sources).toEqual([expect.objectContaining({ column: 16, item: 2 })]);
    }
    expect(byName('藻渡大型水库')).toMatchObject({ baselineStage: 'start', baselineClause: '在建的藻渡水库' });
    for (const area of ['共同片区', '中华村片区', '气田村片区']) {
      expect(byName(`${area}城中村改造`)).toMatchObject({
        target: 'start',
        targetVerb: '开工',
        sources: [{ column: 12, item: 1, clause: '开工共同片区、中华村片区、气田村片区等城中村改造', mention: area }],
      });
    }
    // Named in two columns: one record, two sources; the definite verb of 专栏15 wins over 专栏5's vague one.
    expect(byName('渝黔背靠背联网工程')).toMatchObject({
      target: 'complete',
      targetAmbiguous: false,
      targetVerb: '建成投用',
      baselineStage: 'start',
      sources: [expect.objectContaining({ column: 5, item: 2 }), { column: 15, item: 2, clause: '建成投用渝黔背靠背联网工程' }],
    });
    expect(byName('国家煤炭储备基地（綦江）')!.sources.map((s) => s.column)).toEqual([5, 15]);
    expect(byName('森林抚育项目')!.sources.map((s) => s.column)).toEqual([24, 25]);
    // 「推动…前期工作」 governs study; 「推动…开工建设」 start.
    expect(byName('广涪柳铁路')).toMatchObject({ target: 'study', targetAmbiguous: false, targetVerb: '前期工作' });
    expect(byName('石壕镇风电项目')).toMatchObject({ target: 'start', targetAmbiguous: false, targetVerb: '开工建设' });
    expect(byName('獐狮坝中型水库')).toMatchObject({ target: 'start', targetVerb: '力争开工建设' });
    expect(byName('人和中型水库')).toMatchObject({ target: 'study', targetVerb: '前期论证及研究' });
    expect(byName('綦江新型储能电站项目')).toMatchObject({ target: 'start' });
    // Vague verbs → start, flagged.
    expect(byName('紫龙中型引调水工程')).toMatchObject({ target: 'start', targetAmbiguous: true, targetVerb: '建设' });
    // Qualifiers are part of the name.
    expect(byName('渝黔高速原路加宽（南环至綦江段）')).toMatchObject({ target: 'study' });
    expect(byName('渝黔高速原路加宽（綦江至崇溪河段）')).toMatchObject({ target: 'study' });
    // Not projects: counts, plans and actions, designations, a town's positioning, routine work.
    for (const notAProject of ['规模化农村供水工程', '母婴安全提升计划', '全国学前教育普及普惠区', '产业转型升级示范镇', '保障房日常维修']) {
      expect(catalog.projects.some((p) => p.name.includes(notAProject))).toBe(false);
    }
  });

  it('maps every sector to exactly one unit', () => {
    for (const sector of SECTORS) expect(catalog.units.filter((u) => u.sectors.includes(sector))).toHaveLength(1);
    expect(unitForSector(catalog, 'energy')).toMatchObject({ code: 'drc', name: '区发展改革委' });
    expect(unitForSector(catalog, 'other').code).toBe('drc');
    expect(unitForSector(catalog, 'housing')).toBe(unitForSector(catalog, 'urban_renewal'));
    expect(unitForSector(catalog, 'transport').name).toBe('区交通局');
  });
});

describe('validation of malformed inputs (g)', () => {
  const mutate = (edit: (raw: RawCatalog & { projects: Record<string, unknown>[] }) => void): CatalogIssue[] => {
    const raw = readRaw() as RawCatalog & { projects: Record<string, unknown>[] };
    edit(raw);
    return validateCatalog(raw, planText);
  };
  const project = (raw: { projects: Record<string, unknown>[] }, name: string): Record<string, unknown> => {
    const found = raw.projects.find((p) => p.name === name);
    if (!found) throw new Error(name);
    return found;
  };
  const index = (name: string): number => catalog.projects.findIndex((p) => p.name === name);

  it('names file, record and field for an unknown sector', () => {
    const issues = mutate((raw) => (project(raw, '渝贵高铁').sector = 'rail'));
    expect(issues.map((i) => i.message)).toEqual([
      `projects.json: record ${index('渝贵高铁')} (渝贵高铁): field "sector": unknown value "rail" (expected one of ${SECTORS.join(', ')})`,
    ]);
    expect(issues[0]).toMatchObject({ file: 'projects.json', record: String(index('渝贵高铁')), key: '渝贵高铁', field: 'sector' });
  });

  it('reports a missing name', () => {
    const issues = mutate((raw) => delete project(raw, '福林中型水库').name);
    expect(issues).toEqual([
      expect.objectContaining({ file: 'projects.json', record: String(index('福林中型水库')), key: '福林中型水库', field: 'name', problem: 'missing' }),
    ]);
  });

  it('reports a clause that is not in the plan', () => {
    const issues = mutate((raw) => ((project(raw, '渝贵高铁').sources as Record<string, unknown>[])[0].clause = '开工渝贵高速铁路'));
    expect(issues.map((i) => i.message)).toContainEqual(
      `projects.json: record ${index('渝贵高铁')} (渝贵高铁): field "sources[0].clause": "开工渝贵高速铁路" does not occur in plan-outline.txt`,
    );
  });

  it('reports a clause quoted from the wrong column or item', () => {
    const issues = mutate((raw) => ((project(raw, '渝贵高铁').sources as Record<string, unknown>[])[0].item = 2));
    expect(issues).toEqual([
      expect.objectContaining({ key: '渝贵高铁', field: 'sources[0].clause', problem: '"开工渝贵高铁" does not occur in 专栏14 item 2' }),
    ]);
  });

  it('reports a duplicate key', () => {
    const issues = mutate((raw) => (project(raw, '福林中型水库').key = '藻渡大型水库'));
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'projects.json',
        record: String(index('福林中型水库')),
        key: '藻渡大型水库',
        field: 'key',
        problem: `duplicate key "藻渡大型水库" (also record ${index('藻渡大型水库')})`,
      }),
    ]);
  });

  it('reports an unknown column and an unknown item', () => {
    const issues = mutate((raw) => {
      (project(raw, '渝贵高铁').sources as Record<string, unknown>[])[0].column = 27;
      (project(raw, '福林中型水库').sources as Record<string, unknown>[])[0].item = 9;
    });
    expect(issues.map((i) => i.message)).toEqual([
      `projects.json: record ${index('渝贵高铁')} (渝贵高铁): field "sources[0].column": column 27 is not in structure.json`,
      `projects.json: record ${index('福林中型水库')} (福林中型水库): field "sources[0].item": column 16 has no item 9`,
      `projects.json: record ${index('福林中型水库')} (福林中型水库): field "sources[0].clause": "建成投用藻渡大型水库、福林中型水库" does not occur in 专栏16 item 9`,
    ]);
  });

  it('reports the same project entered twice (a duplicate name)', () => {
    const issues = mutate((raw) => raw.projects.push({ ...project(raw, '渝贵高铁'), key: '渝贵高铁-2' }));
    expect(issues).toEqual([
      expect.objectContaining({
        record: String(catalog.projects.length),
        key: '渝贵高铁-2',
        field: 'name',
        problem: `duplicate name "渝贵高铁" within 专栏14 (also record ${index('渝贵高铁')}); a project named twice is one record with two sources`,
      }),
    ]);
  });

  it('reports a target that does not follow from the verb, and wrong types', () => {
    const issues = mutate((raw) => {
      project(raw, '渝贵高铁').target = 'complete';
      project(raw, '福林中型水库').targetAmbiguous = 'no';
      project(raw, '藻渡大型水库').baselineStage = 'start';
      delete project(raw, '藻渡大型水库').baselineClause;
    });
    const fields = issues.map((i) => `${i.key}/${i.field}`);
    expect(fields).toEqual(expect.arrayContaining(['渝贵高铁/target', '福林中型水库/targetAmbiguous', '藻渡大型水库/baselineClause']));
    expect(issues.find((i) => i.key === '渝贵高铁')!.problem).toBe('"complete" does not follow from targetVerb "开工" (expected "start")');
  });

  it('reports problems in the other files by file, record and field', () => {
    const raw = readRaw() as {
      structure: { columns: Record<string, unknown>[] };
      units: Record<string, unknown>[];
      indicators: Record<string, unknown>[];
    } & RawCatalog;
    raw.structure.columns[13].chapter = 99;
    raw.units[0].sectors = ['transport', 'water'];
    raw.indicators[2].nature = 'soft';
    const messages = validateCatalog(raw, planText).map((i) => i.message);
    expect(messages).toHaveLength(3);
    expect(messages).toContain('structure.json: record columns[13] (专栏14): field "chapter": chapter 99 is not in chapters');
    expect(messages).toContain('indicators.json: record 2 (规上工业增加值增速): field "nature": unknown value "soft" (expected one of expected, binding)');
    expect(messages).toContain(
      'units.json: record 1 (water): field "sectors[0]": sector "water" already belongs to unit "transport"; each sector has exactly one unit',
    );
  });

  it('rejects any sector outside the list (property)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !(SECTORS as readonly string[]).includes(s)),
        (sector) => {
          const issues = mutate((raw) => (raw.projects[0].sector = sector));
          return issues.length === 1 && issues[0].field === 'sector' && issues[0].record === '0';
        },
      ),
      { numRuns: 50 },
    );
  });

  it('loadCatalog throws CatalogFileError naming the file for bad JSON and for invalid records', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    try {
      for (const f of fs.readdirSync(dataDir)) fs.copyFileSync(path.join(dataDir, f), path.join(dir, f));
      expect(() => loadCatalog(dir)).not.toThrow();

      fs.writeFileSync(path.join(dir, 'units.json'), '[{"code": "transport",');
      expect(() => loadCatalog(dir)).toThrow(CatalogFileError);
      expect(() => loadCatalog(dir)).toThrow(/^units\.json: field "\(file\)": is not valid JSON/);
      fs.copyFileSync(path.join(dataDir, 'units.json'), path.join(dir, 'units.json'));

      const projects = JSON.parse(fs.readFileSync(path.join(dataDir, 'projects.json'), 'utf8'));
      projects[17].sector = 'rail';
      fs.writeFileSync(path.join(dir, 'projects.json'), JSON.stringify(projects));
      let error: unknown;
      try {
        loadCatalog(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CatalogFileError);
      expect((error as CatalogFileError).message).toMatch(
        new RegExp(`^projects\\.json: record 17 \\(${projects[17].key}\\): field "sector": unknown value "rail"`),
      );
      expect((error as CatalogFileError).issues).toHaveLength(1);

      fs.unlinkSync(path.join(dir, 'structure.json'));
      expect(() => loadCatalog(dir)).toThrow(/^structure\.json: field "\(file\)": cannot be read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('plan reading helpers', () => {
  it('reads Chinese numerals used in headings', () => {
    expect([chineseNumber('一'), chineseNumber('十'), chineseNumber('十二'), chineseNumber('二十'), chineseNumber('三十六')]).toEqual([1, 10, 12, 20, 36]);
    expect(() => chineseNumber('百')).toThrow();
  });

  it('reads verbs by the documented rules', () => {
    expect(readVerb('建成投用')).toEqual({ target: 'complete', ambiguous: false });
    expect(readVerb('力争开工建设')).toEqual({ target: 'start', ambiguous: false });
    expect(readVerb('前期论证及研究')).toEqual({ target: 'study', ambiguous: false });
    expect(readVerb('推动')).toEqual({ target: 'start', ambiguous: true });
    expect(readVerb('拟建')).toEqual({ target: 'study', ambiguous: true });
  });
});
