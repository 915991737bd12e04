import { AUDIT_KIND_CODES, auditKindLabel, isAuditKind } from './audit-kind';
import { describeChange } from './change-text';

describe('audit kinds (操作日志)', () => {
  it.each(AUDIT_KIND_CODES)('%s has a label in both languages and a sentence of its own, not the catch-all', (kind) => {
    const label = auditKindLabel(kind);
    expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(label.en).toMatch(/^[A-Z][\w ,.-]+$/);
    expect(describeChange({ action: kind, after: { name: 'a.pdf', title: '用地', month: '2026-10', year: 2026 } })).not.toBe('项目信息已更新');
  });

  it('an action it does not know reads as 其他变更, never as its code', () => {
    expect(isAuditKind('project.exploded')).toBe(false);
    expect(isAuditKind('toString')).toBe(false);
    expect(auditKindLabel('project.exploded')).toEqual({ zh: '其他变更', en: 'Other change' });
  });

  it('labels are distinct, so the filter never offers two kinds under one name', () => {
    const names = AUDIT_KIND_CODES.map((kind) => auditKindLabel(kind).zh);
    expect(new Set(names).size).toBe(names.length);
  });
});
