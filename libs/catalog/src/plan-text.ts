import type { Chapter, Column, ColumnItem, Indicator, Part, Section, Structure } from './catalog.types';

/**
 * Deterministic reading of the plan text (data/plan-outline.txt): headings, columns (专栏), the numbered
 * items inside columns and the indicator table of 专栏1. Pure functions, no I/O; the extractor tool writes
 * their output to structure.json / indicators.json and the tests check the shipped files still match.
 */

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十六 → 36 (enough for the plan's headings). */
export function chineseNumber(text: string): number {
  const ten = text.indexOf('十');
  if (ten < 0) {
    if (text.length !== 1 || !(text in DIGITS)) throw new Error(`not a Chinese numeral: ${text}`);
    return DIGITS[text];
  }
  const tensText = text.slice(0, ten);
  const onesText = text.slice(ten + 1);
  const tens = tensText === '' ? 1 : DIGITS[tensText];
  const ones = onesText === '' ? 0 : DIGITS[onesText];
  if (tens === undefined || ones === undefined || tensText.length > 1 || onesText.length > 1) {
    throw new Error(`not a Chinese numeral: ${text}`);
  }
  return tens * 10 + ones;
}

export interface PlanLine {
  /** 1-based line number. */
  lineNo: number;
  /** Offset of the first character of the line in the text. */
  start: number;
  /** Offset just past the last character (before the newline). */
  end: number;
  text: string;
}

export function planLines(text: string): PlanLine[] {
  const lines: PlanLine[] = [];
  let start = 0;
  let lineNo = 1;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const raw = text.slice(start, end);
    const clean = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    lines.push({ lineNo, start, end: start + clean.length, text: clean });
    if (nl < 0) break;
    start = nl + 1;
    lineNo += 1;
  }
  return lines;
}

const HEADING = /^第([一二三四五六七八九十]+)(篇|章|节)\s*(.*\S)\s*$/;
const COLUMN_HEADING = /^\s*专栏(\d+)\s*(.*\S)\s*$/;
/** A numbered column item: `1．铁路。…`, `2.“降成本”。…` (not a decimal such as `6.3`). */
const ITEM = /^\s*((\d+)[．.](?!\d)\s*([^：。]*))/;
/** Lines that close a column block besides headings: figure captions (` 图1 …`) and the appendix. */
const BLOCK_END = /^\s*(图\d+\s|附件)/;

type Heading =
  { kind: 'part' | 'chapter' | 'section'; no: number; label: string; title: string } | { kind: 'column'; no: number; label: string; title: string };

function readHeading(line: string): Heading | null {
  const h = HEADING.exec(line);
  if (h) {
    const kind = h[2] === '篇' ? 'part' : h[2] === '章' ? 'chapter' : 'section';
    return { kind, no: chineseNumber(h[1]), label: `第${h[1]}${h[2]}`, title: h[3].trim() };
  }
  const c = COLUMN_HEADING.exec(line);
  if (c) return { kind: 'column', no: Number(c[1]), label: `专栏${c[1]}`, title: c[2].trim() };
  return null;
}

export interface ItemBlock {
  no: number;
  label: string;
  title: string;
  /** Offsets of the item's line (items are one line each in the plan). */
  start: number;
  end: number;
}

export interface ColumnBlock {
  no: number;
  label: string;
  title: string;
  chapter: number;
  section: number | null;
  /** Offsets from the column heading to the next heading / figure caption. */
  start: number;
  end: number;
  lineFrom: number;
  lineTo: number;
  items: ItemBlock[];
}

export interface PlanOutline {
  parts: Part[];
  chapters: Chapter[];
  sections: Section[];
  columns: ColumnBlock[];
}

/** Walks the plan once and returns headings plus the text extent of every column and item. */
export function readPlanOutline(text: string): PlanOutline {
  const parts: Part[] = [];
  const chapters: Chapter[] = [];
  const sections: Section[] = [];
  const columns: ColumnBlock[] = [];
  let part: number | null = null;
  let chapter: number | null = null;
  let section: number | null = null;
  let open: ColumnBlock | null = null;

  const close = (line: PlanLine | null): void => {
    if (!open) return;
    if (line) {
      open.end = line.start;
      open.lineTo = line.lineNo - 1;
    } else {
      open.end = text.length;
    }
    columns.push(open);
    open = null;
  };

  const lines = planLines(text);
  for (const line of lines) {
    const heading = readHeading(line.text);
    if (heading) {
      close(line);
      switch (heading.kind) {
        case 'part':
          parts.push({ no: heading.no, label: heading.label, title: heading.title });
          part = heading.no;
          break;
        case 'chapter':
          if (part === null) throw new Error(`line ${line.lineNo}: chapter before any part`);
          chapters.push({ no: heading.no, label: heading.label, part, title: heading.title });
          chapter = heading.no;
          section = null;
          break;
        case 'section':
          if (chapter === null) throw new Error(`line ${line.lineNo}: section before any chapter`);
          sections.push({ chapter, no: heading.no, label: heading.label, title: heading.title });
          section = heading.no;
          break;
        case 'column':
          if (chapter === null) throw new Error(`line ${line.lineNo}: column before any chapter`);
          open = {
            no: heading.no,
            label: heading.label,
            title: heading.title,
            chapter,
            section,
            start: line.start,
            end: text.length,
            lineFrom: line.lineNo,
            lineTo: lines[lines.length - 1].lineNo,
            items: [],
          };
          break;
      }
      continue;
    }
    if (!open) continue;
    if (BLOCK_END.test(line.text)) {
      close(line);
      continue;
    }
    const item = ITEM.exec(line.text);
    if (item) {
      const current: ColumnBlock = open;
      current.items.push({
        no: Number(item[2]),
        label: item[1].trim(),
        title: item[3].trim(),
        start: line.start,
        end: line.end,
      });
    }
  }
  close(null);
  return { parts, chapters, sections, columns };
}

/** The structure as published in structure.json. */
export function extractStructure(text: string): Structure {
  const outline = readPlanOutline(text);
  const columns: Column[] = outline.columns.map((c) => ({
    no: c.no,
    label: c.label,
    title: c.title,
    chapter: c.chapter,
    section: c.section,
    items: c.items.map((i): ColumnItem => ({ no: i.no, label: i.label, title: i.title })),
  }));
  return { parts: outline.parts, chapters: outline.chapters, sections: outline.sections, columns };
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A plain decimal as a number; anything else (——, ﹤5.5, 1.9:1, words) → null. */
export function plainNumber(value: string): number | null {
  return PLAIN_NUMBER.test(value) ? Number(value) : null;
}

/** `地区生产总值增长（%）` → name + unit; the unit is the last bracketed group at the end. */
export function splitIndicatorName(text: string): { name: string; unit: string | null } {
  const m = /^(.*\S)（([^（）]+)）$/.exec(text);
  return m ? { name: m[1], unit: m[2] } : { name: text, unit: null };
}

/** Reads the indicator table of 专栏1 (序号 / 指标名称 / 2025年 / 2030年目标 / 属性, grouped by 一、… categories). */
export function extractIndicators(text: string): Indicator[] {
  const outline = readPlanOutline(text);
  const column = outline.columns.find((c) => c.no === 1);
  if (!column) throw new Error('专栏1 not found');
  const cells = text
    .slice(column.start, column.end)
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const indicators: Indicator[] = [];
  let category: string | null = null;
  let i = 0;
  while (i < cells.length) {
    const cell = cells[i];
    const cat = /^[一二三四五六七八九十]+、(.+)$/.exec(cell);
    if (cat) {
      category = cat[1].trim();
      i += 1;
      continue;
    }
    if (/^\d+$/.test(cell) && category !== null) {
      const [nameCell, v2025, t2030Raw, natureLabel] = cells.slice(i + 1, i + 5);
      if (natureLabel !== '预期性' && natureLabel !== '约束性') {
        throw new Error(`专栏1 row ${cell}: unexpected 属性 ${JSON.stringify(natureLabel)}`);
      }
      const { name, unit } = splitIndicatorName(nameCell);
      const annualGrowth = t2030Raw.endsWith('*');
      const target2030 = annualGrowth ? t2030Raw.slice(0, -1) : t2030Raw;
      indicators.push({
        no: Number(cell),
        category,
        name,
        unit,
        value2025: v2025,
        target2030,
        nature: natureLabel === '预期性' ? 'expected' : 'binding',
        natureLabel,
        annualGrowth,
        value2025Number: plainNumber(v2025),
        target2030Number: plainNumber(target2030),
      });
      i += 5;
      continue;
    }
    if (cell.startsWith('注：')) break;
    i += 1;
  }
  return indicators;
}
