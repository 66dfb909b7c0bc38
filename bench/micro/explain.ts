/**
 * The Node micro-benchmarks `npm run bench` keeps, because they explain an app figure:
 *  - tally of an award round (shared/tally, the app's own code) at each bench size, beside a plain
 *    typed-array loop over the same scores (the goal: ≤ 2.5× at 10,000 models);
 *  - the journal store's single-event append (electron/main/journal, fsync each) beside a bare
 *    append + fsync: the journal half of every cell save.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalStoreFor } from '../../electron/main/journal/journal-store';
import { buildExclusion } from '../../shared/awards/exclusion';
import { generateAwardRound } from '../../shared/sample/award-round';
import { tally } from '../../shared/tally/tally';
import { median, percentile } from '../harness';
import { contestEvents } from '../journal.bench';

async function timeRuns(fn: () => unknown, runs: number, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export interface TallyFigure {
  readonly models: number;
  readonly scores: number;
  readonly tallyMs: number;
  readonly loopMs: number;
}

export async function tallyAt(models: number): Promise<TallyFigure> {
  let n = 0;
  const data = generateAwardRound({
    seed: 2020,
    newId: () => `id${++n}`,
    now: '2026-12-01T00:00:00.000Z',
    models,
    judges: 9,
    criteria: 10,
  });
  const input = {
    round: data.rounds[0],
    criteria: data.criteria,
    entrants: data.entrants,
    judges: data.judges,
    scores: data.scores,
    excluded: buildExclusion(),
  };
  // The floor: the same scores as typed arrays, one pass summing centipoints per entrant.
  const entrantIdx = new Map(data.entrants.map((e, i) => [e.id as string, i]));
  const stepOf = new Map(data.criteria.map((c) => [c.id as string, c.stepCp]));
  const who = new Int32Array(data.scores.length);
  const cp = new Int32Array(data.scores.length);
  data.scores.forEach((s, i) => {
    who[i] = entrantIdx.get(s.entrantId)!;
    cp[i] = (s.steps ?? 0) * stepOf.get(s.criterionId)!;
  });
  const totals = new Float64Array(data.entrants.length);
  const loop = () => {
    totals.fill(0);
    for (let i = 0; i < who.length; i++) totals[who[i]] += cp[i];
    return totals;
  };
  const runs = models > 5000 ? 5 : 9;
  return {
    models,
    scores: data.scores.length,
    loopMs: await timeRuns(loop, runs * 3, 3),
    tallyMs: await timeRuns(() => tally(input), runs, 2),
  };
}

export async function journalAppend(
  samples = 200,
): Promise<{ p50: number; p95: number; stored: number }> {
  const dir = await mkdtemp(join(process.env['BENCH_DIR'] ?? tmpdir(), 'gk-bench-journal-'));
  try {
    const store = journalStoreFor(dir);
    const contestId = 'bench-contest';
    const events = contestEvents(contestId);
    for (let i = 0; i < events.length - samples; i += 10_000)
      await store.append(contestId, events.slice(i, Math.min(i + 10_000, events.length - samples)));
    const lat: number[] = [];
    for (const e of events.slice(events.length - samples)) {
      const t0 = performance.now();
      await store.append(contestId, [e]);
      lat.push(performance.now() - t0);
    }
    return { p50: percentile(lat, 50), p95: percentile(lat, 95), stored: events.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
