import { evidencePresent, isPresent, milestonesDone, reasonPresent } from './builtin.guards';
import type { GuardContext } from './workflow.types';

function context(extra: { milestones?: GuardContext['snapshot']['milestones']; evidence?: object; reason?: string }): GuardContext {
  return {
    definition: {} as GuardContext['definition'],
    transition: {} as GuardContext['transition'],
    snapshot: { id: 'p', state: 's', version: 1, milestones: extra.milestones ?? [] },
    command: { kind: 'request', to: 't', actor: { id: 'a', roles: [] }, now: new Date(0), today: '1970-01-01', evidence: extra.evidence, reason: extra.reason },
  };
}

describe('built-in guards', () => {
  it('isPresent treats blank text, null and undefined as absent', () => {
    expect([undefined, null, '', '  ', 'x', 0, false].map(isPresent)).toEqual([false, false, false, false, true, true, true]);
  });

  it('milestonesDone matches by code or by name', () => {
    const milestones = [
      { code: 'construction_permit', name: '施工许可', done: true },
      { code: 'acceptance', name: '竣工验收', done: false },
    ];
    expect(milestonesDone({ milestones: ['施工许可', 'construction_permit'] }, context({ milestones }))).toEqual({ ok: true });
    expect(milestonesDone({ milestones: ['acceptance', 'ghost'] }, context({ milestones }))).toEqual({
      ok: false,
      detail: '里程碑未完成：竣工验收、ghost',
      missing: ['acceptance', 'ghost'],
    });
  });

  it('evidencePresent and reasonPresent', () => {
    expect(evidencePresent({ fields: ['a', 'b'] }, context({ evidence: { a: 'x', b: ' ' } }))).toMatchObject({ ok: false, missing: ['b'] });
    expect(evidencePresent({ fields: ['a'] }, context({ evidence: { a: 'x' } }))).toEqual({ ok: true });
    expect(reasonPresent({}, context({ reason: ' ' }))).toMatchObject({ ok: false, missing: ['reason'] });
    expect(reasonPresent({}, context({ reason: '因故' }))).toEqual({ ok: true });
  });
});
