/**
 * A truly independent recount before export (electron/main/handlers/export-check.ts): the round is
 * recounted from the journal file alone — rules, panel, exclusions and scores — and an export whose
 * claimed results differ is refused, naming each entrant that differs. The claims here come from
 * the app's own tally fed deliberately wrong inputs, as a bug in the renderer would.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../electron/main/handlers/export-check';
import { journalStoreFor } from '../../electron/main/journal/journal-store';
import { buildExclusion } from '@shared/awards/exclusion';
import { chainHead, type JournalEvent } from '@shared/journal/event';
import { setupEvent, type AnySetupRecord, type SetupEntity } from '@shared/journal/setup-event';
import { tally, type TallyInput } from '@shared/tally/tally';
import type { ResultClaim } from '@shared/bridge/contract';
import { aContest, aCriterion, aJudge, aRound, aScore, anEntrant } from '../support/builders';
import { aDevice } from '../unit/journal-builders';

const meta = {
  contestId: 'c1',
  by: { role: 'secretary' as const, name: '' },
  at: '2026-11-23T08:00:00.000Z',
};
const put = (entity: SetupEntity, r: AnySetupRecord) => setupEvent(entity, undefined, r, meta);

const round = aRound();
const criteria = [
  aCriterion({ id: 'q1' as never, maxCp: 1000 }),
  aCriterion({ id: 'q2' as never, name: 'Hình thức', order: 1, maxCp: 1000 }),
];
// j3 shares the unit of e1: a conflict of interest, so j3 does not count for e1.
const judges = [
  aJudge({ id: 'j1' as never, unit: 'Quận Ba Đình' }),
  aJudge({ id: 'j2' as never, unit: 'Quận Tây Hồ', order: 1 }),
  aJudge({ id: 'j3' as never, unit: 'Phường Hoàn Kiếm', order: 2 }),
];
const entrants = [
  anEntrant({ id: 'e1' as never, unit: 'phuong hoan kiem' }),
  anEntrant({
    id: 'e2' as never,
    code: 'D002',
    name: 'Đội Long Biên',
    unit: 'Quận Long Biên',
    order: 1,
  }),
];
const steps: Record<string, number> = { j1e1: 16, j2e1: 12, j3e1: 20, j1e2: 14, j2e2: 15, j3e2: 9 };
const scores = Object.entries(steps).flatMap(([k, v]) =>
  criteria.map((c, i) =>
    aScore({
      judgeId: k.slice(0, 2) as never,
      entrantId: k.slice(2) as never,
      criterionId: c.id,
      steps: v - i,
    }),
  ),
);

async function journalFile(): Promise<{ dataDir: string; events: JournalEvent[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gk-export-check-'));
  const d = aDevice('D');
  d.emit(put('contest', aContest()));
  d.emit(put('round', round));
  for (const c of criteria) d.emit(put('criterion', c));
  for (const j of judges) d.emit(put('judge', j));
  for (const e of entrants) d.emit(put('entrant', e));
  for (const s of scores)
    d.emit({
      ...meta,
      v: 1,
      roundId: s.roundId,
      judgeId: s.judgeId,
      entrantId: s.entrantId,
      criterionId: s.criterionId,
      kind: 'enter',
      steps: s.steps,
      pass: null,
      reason: null,
    });
  await journalStoreFor(dataDir).append('c1', d.events);
  return { dataDir, events: d.events };
}

function claimOf(events: readonly JournalEvent[], input: Partial<TallyInput> = {}): ResultClaim {
  const t = tally({
    round,
    criteria,
    entrants,
    judges,
    scores,
    excluded: buildExclusion(),
    ...input,
  });
  return {
    contestId: 'c1',
    roundId: 'r1',
    head: chainHead(events),
    entrants: t.results.map((r) => ({
      entrantId: r.entrant.id,
      name: r.entrant.name,
      totalCp: r.result ? { n: r.result.n, d: r.result.d } : null,
    })),
  };
}

describe('export check: the recount reads panels, exclusions and rules from the journal alone', () => {
  it('the app’s correct tally passes', async () => {
    const { dataDir, events } = await journalFile();
    await expect(checkClaim(dataDir, claimOf(events))).resolves.toBeUndefined();
  });

  it.each([
    ['a judge missing from the panel', { judges: judges.slice(0, 2) }, ['Đội Long Biên']],
    [
      'the conflict of interest not applied',
      { excluded: buildExclusion({ conflicts: false }) },
      ['Đội Phường Hoàn Kiếm'],
    ],
    [
      'a wrong aggregation rule (median of three differs from the mean; of two it does not)',
      { round: { ...round, policy: { kind: 'median' as const } } },
      ['Đội Long Biên'],
    ],
  ])(
    'a deliberately wrong tally (%s) is refused, naming the entrants that differ',
    async (_name, wrong, named) => {
      const { dataDir, events } = await journalFile();
      const err = await checkClaim(dataDir, claimOf(events, wrong)).catch(
        (e: Error & { code?: string }) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect((err as { code?: string }).code).toBe('recountMismatch');
      for (const n of named) expect((err as Error).message).toContain(n);
      expect((err as Error).message.split('\n')).toHaveLength(1 + named.length);
    },
  );

  it('a claim built before the journal moved on is refused (stale document)', async () => {
    const { dataDir, events } = await journalFile();
    const claim = claimOf(events);
    const d = aDevice('E');
    d.emit({
      ...meta,
      v: 1,
      roundId: 'r1',
      judgeId: 'j1',
      entrantId: 'e2',
      criterionId: 'q1',
      kind: 'edit',
      steps: 3,
      pass: null,
      reason: null,
    });
    await journalStoreFor(dataDir).append('c1', d.events);
    await expect(checkClaim(dataDir, claim)).rejects.toMatchObject({ code: 'staleDocument' });
  });
});
