import type { ConfigService } from '@nestjs/config';
import type { Env } from '@qj/config';
import type { DigestRecipient, DigestRepository, OwnerDigestData, RollupRepository } from '@qj/persistence';
import { DigestComposer } from './digest-composer';

const empty: OwnerDigestData = {
  newlyOverdue: [],
  stillOverdue: [],
  dueSoon: [],
  changes: { total: 0, latest: [] },
  requestsWaiting: [],
  requestsDecided: [],
  staleProjects: [],
};

const owner = (id: string, unitId: string): DigestRecipient => ({ id, username: id, displayName: id, role: 'owner', unitId, unitName: '交通局', email: null });

describe('DigestComposer data reads', () => {
  let reads: string[];
  let composer: DigestComposer;

  beforeEach(() => {
    reads = [];
    const digests = {
      ownerData: async (unitId: string) => {
        reads.push(unitId);
        return { ...empty, changes: { total: reads.length, latest: [] } };
      },
    } as unknown as DigestRepository;
    const settings: Record<string, string> = { PUBLIC_URL: 'http://tracker.test', JWT_SECRET: 'x'.repeat(32), APP_TIMEZONE: 'Asia/Shanghai' };
    const config = { get: (key: string) => settings[key] } as unknown as ConfigService<Env, true>;
    composer = new DigestComposer(digests, {} as RollupRepository, config);
  });

  it('sending the week shares one read per unit between its recipients, and each digest still greets its own', async () => {
    const [a, b, c] = await Promise.all([
      composer.compose(owner('u1', 'unit-a'), '2026-W48'),
      composer.compose(owner('u2', 'unit-a'), '2026-W48'),
      composer.compose(owner('u3', 'unit-b'), '2026-W48'),
    ]);
    expect(reads).toEqual(['unit-a', 'unit-b']);
    expect(a.text).toContain('u1，您好');
    expect(b.text).toContain('u2，您好');
    expect(c.text).toContain('u3，您好');
  });

  it('a preview (asOf given) always reads afresh', async () => {
    await composer.compose(owner('u1', 'unit-a'), '2026-W48', '2026-11-25');
    const second = await composer.compose(owner('u1', 'unit-a'), '2026-W48', '2026-11-25');
    expect(reads).toEqual(['unit-a', 'unit-a']);
    expect(second.subject).toContain('2026-W48');
    expect(second.text).toContain('本周变更（2）');
  });
});
