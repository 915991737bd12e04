import { MILESTONE_TEMPLATES } from '@qj/domain';
import approvalsV1 from '../data/approvals.v1.json';
import { approvalsCatalogue, approvalsCatalogueIssues, approvalsOfType, parseApprovalsCatalogue, ApprovalsCatalogueError } from './approvals-catalogue';
import { SECTORS } from './catalog.types';

type Raw = { approvals: Array<Record<string, unknown>>; projectTypes: Array<{ approvals: unknown[] }>; sectorTypes: Record<string, unknown> };
const copy = (): Raw => JSON.parse(JSON.stringify(approvalsV1)) as Raw;

describe('approvals catalogue (approvals.v1.json)', () => {
  it('is valid and maps every sector to a type', () => {
    expect(approvalsCatalogueIssues(approvalsV1)).toEqual([]);
    for (const sector of SECTORS) expect(approvalsCatalogue.projectTypes.map((t) => t.code)).toContain(approvalsCatalogue.sectorTypes[sector]);
  });

  it('keeps the four approval milestones in their place, so an existing milestone becomes its approval', () => {
    for (const code of ['proposal', 'feasibility_approval', 'preliminary_design_approval', 'construction_permit']) {
      const approval = approvalsCatalogue.approvals.find((a) => a.code === code);
      const template = MILESTONE_TEMPLATES.find((t) => t.code === code);
      expect(approval && { stage: approval.stage, sortOrder: approval.sortOrder }).toEqual(
        template && { stage: template.stage, sortOrder: template.sortOrder },
      );
    }
  });

  it('lists a type’s approvals in path order, the parallel ones side by side', () => {
    const path = approvalsOfType(approvalsCatalogue, 'government_infrastructure');
    expect(path.map((a) => a.sortOrder)).toEqual([...path.map((a) => a.sortOrder)].sort((a, b) => a - b));
    const groups = path.map((a) => a.parallelGroup).filter((g) => g !== null);
    expect(groups).toEqual(['assessments', 'assessments', 'assessments', 'permits', 'permits']);
    expect(() => approvalsOfType(approvalsCatalogue, 'nope')).toThrow(RangeError);
  });

  it.each([
    ['an unknown status-like field', (c: Raw) => (c.approvals[0].status = 'x'), 'approvals[0].status: unknown field'],
    ['a duplicate code', (c: Raw) => (c.approvals[1].code = 'proposal'), 'approvals[1].code: "proposal" appears twice'],
    ['a missing department', (c: Raw) => delete c.approvals[2].department, 'approvals[2].department'],
    ['a complete-stage approval', (c: Raw) => (c.approvals[2].stage = 'complete'), 'approvals[2].stage: must be study or start'],
    ['an approval moved off its milestone’s place', (c: Raw) => (c.approvals[0].sortOrder = 9), 'approvals[0]: milestone proposal'],
    ['taking 开工’s order', (c: Raw) => (c.approvals[2].sortOrder = 50), 'sortOrder 50 of land_site is milestone groundbreaking'],
    ['a type naming an unknown approval', (c: Raw) => c.projectTypes[0].approvals.push('moon_permit'), 'unknown approval "moon_permit"'],
    ['a sector without a type', (c: Raw) => delete c.sectorTypes.water, 'sectorTypes.water: missing'],
    ['a sector mapped to an unknown type', (c: Raw) => (c.sectorTypes.water = 'dam'), 'sectorTypes.water: unknown project type "dam"'],
    ['a bad parallel group', (c: Raw) => (c.approvals[3].parallelGroup = 'Two Words'), 'approvals[3].parallelGroup'],
  ])('refuses %s, naming the field', (_what, spoil, expected) => {
    const raw = copy();
    spoil(raw);
    expect(approvalsCatalogueIssues(raw).join('\n')).toContain(expected);
    expect(() => parseApprovalsCatalogue(raw)).toThrow(ApprovalsCatalogueError);
  });

  it('refuses what is not a catalogue at all', () => {
    expect(approvalsCatalogueIssues(null)).toEqual(['(file): must be an object']);
    expect(approvalsCatalogueIssues({ version: 0, approvals: [], projectTypes: [], sectorTypes: [] })).toEqual(
      expect.arrayContaining(['version: must be a positive integer', 'approvals: must be a non-empty array', 'projectTypes: must be a non-empty array']),
    );
  });
});
