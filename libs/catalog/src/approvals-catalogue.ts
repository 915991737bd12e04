import { MILESTONE_TEMPLATES, STAGES, type LocalizedLabel, type Stage } from '@qj/domain';
import approvalsV1 from '../data/approvals.v1.json';
import { SECTORS, type Sector } from './catalog.types';

/**
 * The approvals catalogue (前期手续要件): which approvals each project type needs, in order, which may run in parallel,
 * who approves them and which stage they serve. It is data, versioned by file (`approvals.v<N>.json`): adding an
 * approval or a type is a new version plus a migration that backfills existing projects from it. Every version is kept,
 * because each migration backfills from the version it was written for.
 */

export interface ApprovalDefinition {
  /** A milestone code: 项目建议书, 可研批复, 初步设计批复 and 施工许可 are the milestones of those codes. */
  readonly code: string;
  readonly name: LocalizedLabel;
  /** The approving department (审批部门) the checklist shows. */
  readonly department: string;
  /** The stage the approval serves: study (立项、可研) or start (开工前). */
  readonly stage: Stage;
  /** Position on the project's path, shared with the other milestones (项目建议书 10 … 施工许可 40, 开工 50). */
  readonly sortOrder: number;
  /** Approvals with the same group may be handled at the same time (并联审批); null: on its own. */
  readonly parallelGroup: string | null;
}

export interface ProjectTypeDefinition {
  readonly code: string;
  readonly name: LocalizedLabel;
  /** The approvals required of a project of this type. */
  readonly approvals: readonly string[];
}

export interface ApprovalsCatalogue {
  readonly version: number;
  readonly approvals: readonly ApprovalDefinition[];
  readonly projectTypes: readonly ProjectTypeDefinition[];
  /** Every sector of the plan catalog maps to a project type. */
  readonly sectorTypes: Readonly<Record<Sector, string>>;
}

/** Thrown when an approvals file does not match the schema; the message names each field that is wrong. */
export class ApprovalsCatalogueError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`approvals catalogue is invalid:\n${issues.join('\n')}`);
    this.name = 'ApprovalsCatalogueError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const CODE = /^[a-z][a-z0-9_]*$/;

function checkLabel(issues: string[], path: string, value: unknown): void {
  if (!isObj(value) || !isText(value.zh) || !isText(value.en)) issues.push(`${path}: must be { zh, en } with both texts`);
}

function checkKeys(issues: string[], path: string, value: Obj, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) issues.push(`${path}.${key}: unknown field`);
}

/**
 * Every problem of a parsed approvals file, each naming its field (`approvals[3].sortOrder: …`); empty when valid.
 * Beyond the shape: codes are unique; an approval that is one of the milestone templates keeps that template's stage
 * and order (so an existing milestone becomes the approval in place); no approval reuses another milestone's code or
 * order; types list known approvals once each; every sector maps to a known type.
 */
export function approvalsCatalogueIssues(raw: unknown): string[] {
  const issues: string[] = [];
  if (!isObj(raw)) return ['(file): must be an object'];
  checkKeys(issues, '(file)', raw, ['version', 'approvals', 'projectTypes', 'sectorTypes']);
  if (!Number.isInteger(raw.version) || (raw.version as number) < 1) issues.push('version: must be a positive integer');

  const codes = new Set<string>();
  const orders = new Map<number, string>();
  const templates = new Map(MILESTONE_TEMPLATES.map((t) => [t.code as string, t]));
  if (!Array.isArray(raw.approvals) || raw.approvals.length === 0) issues.push('approvals: must be a non-empty array');
  else
    raw.approvals.forEach((a: unknown, i) => {
      const at = `approvals[${i}]`;
      if (!isObj(a)) return void issues.push(`${at}: must be an object`);
      checkKeys(issues, at, a, ['code', 'name', 'department', 'stage', 'sortOrder', 'parallelGroup']);
      if (!isText(a.code) || !CODE.test(a.code)) issues.push(`${at}.code: must be a snake_case code`);
      else if (codes.has(a.code)) issues.push(`${at}.code: "${a.code}" appears twice`);
      else codes.add(a.code);
      checkLabel(issues, `${at}.name`, a.name);
      if (!isText(a.department)) issues.push(`${at}.department: must be the approving department's name`);
      if (!(STAGES as readonly unknown[]).includes(a.stage) || a.stage === 'complete') issues.push(`${at}.stage: must be study or start`);
      if (!Number.isInteger(a.sortOrder) || (a.sortOrder as number) < 1 || (a.sortOrder as number) > 32767) {
        issues.push(`${at}.sortOrder: must be an integer from 1 to 32767`);
      } else if (orders.has(a.sortOrder as number)) issues.push(`${at}.sortOrder: ${String(a.sortOrder)} is also ${orders.get(a.sortOrder as number)}'s`);
      else orders.set(a.sortOrder as number, String(a.code));
      if (a.parallelGroup !== null && !(isText(a.parallelGroup) && CODE.test(a.parallelGroup)))
        issues.push(`${at}.parallelGroup: must be null or a snake_case code`);
      const template = templates.get(String(a.code));
      if (template && (template.stage !== a.stage || template.sortOrder !== a.sortOrder)) {
        issues.push(`${at}: milestone ${template.code} is at stage ${template.stage}, order ${template.sortOrder}; an approval keeps its milestone's place`);
      }
    });
  for (const t of MILESTONE_TEMPLATES) {
    const owner = orders.get(t.sortOrder);
    if (owner !== undefined && owner !== t.code) issues.push(`approvals: sortOrder ${t.sortOrder} of ${owner} is milestone ${t.code}'s`);
  }

  const types = new Set<string>();
  if (!Array.isArray(raw.projectTypes) || raw.projectTypes.length === 0) issues.push('projectTypes: must be a non-empty array');
  else
    raw.projectTypes.forEach((t: unknown, i) => {
      const at = `projectTypes[${i}]`;
      if (!isObj(t)) return void issues.push(`${at}: must be an object`);
      checkKeys(issues, at, t, ['code', 'name', 'approvals']);
      if (!isText(t.code) || !CODE.test(t.code)) issues.push(`${at}.code: must be a snake_case code`);
      else if (types.has(t.code)) issues.push(`${at}.code: "${t.code}" appears twice`);
      else types.add(t.code);
      checkLabel(issues, `${at}.name`, t.name);
      if (!Array.isArray(t.approvals) || t.approvals.length === 0) return void issues.push(`${at}.approvals: must be a non-empty array`);
      const seen = new Set<unknown>();
      t.approvals.forEach((code: unknown, j) => {
        if (!codes.has(String(code))) issues.push(`${at}.approvals[${j}]: unknown approval ${JSON.stringify(code)}`);
        if (seen.has(code)) issues.push(`${at}.approvals[${j}]: ${JSON.stringify(code)} listed twice`);
        seen.add(code);
      });
    });

  if (!isObj(raw.sectorTypes)) issues.push('sectorTypes: must be an object of sector → project type');
  else {
    for (const sector of SECTORS) if (!(sector in raw.sectorTypes)) issues.push(`sectorTypes.${sector}: missing (every sector maps to a type)`);
    for (const [sector, type] of Object.entries(raw.sectorTypes)) {
      if (!(SECTORS as readonly string[]).includes(sector)) issues.push(`sectorTypes.${sector}: unknown sector`);
      else if (!types.has(String(type))) issues.push(`sectorTypes.${sector}: unknown project type ${JSON.stringify(type)}`);
    }
  }
  return issues;
}

/** Validates a parsed approvals file: the catalogue, or ApprovalsCatalogueError naming every field that is wrong. */
export function parseApprovalsCatalogue(raw: unknown): ApprovalsCatalogue {
  const issues = approvalsCatalogueIssues(raw);
  if (issues.length) throw new ApprovalsCatalogueError(issues);
  return raw as ApprovalsCatalogue;
}

/** Every released version of the catalogue, by number; a migration backfills from the version it names. */
export const APPROVALS_CATALOGUES: ReadonlyMap<number, ApprovalsCatalogue> = new Map([[1, parseApprovalsCatalogue(approvalsV1)]]);

/** The catalogue new projects are given their approvals from: the latest version. */
export const approvalsCatalogue: ApprovalsCatalogue = APPROVALS_CATALOGUES.get(Math.max(...APPROVALS_CATALOGUES.keys())) as ApprovalsCatalogue;

/** A project type's approvals in path order, with their definitions. */
export function approvalsOfType(catalogue: ApprovalsCatalogue, typeCode: string): ApprovalDefinition[] {
  const type = catalogue.projectTypes.find((t) => t.code === typeCode);
  if (!type) throw new RangeError(`Unknown project type: ${typeCode}`);
  return catalogue.approvals.filter((a) => type.approvals.includes(a.code)).sort((a, b) => a.sortOrder - b.sortOrder);
}
