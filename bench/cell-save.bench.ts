/**
 * Saving one cell the way the app does — strict Dexie transaction (event + projected score +
 * device sequence) then the journal append with fsync on the main side — with 94,050 scores
 * already stored, beside a bare Dexie put of the same score row. Runs in Node on fake-indexeddb,
 * so the IndexedDB half is an in-memory stand-in for Chromium's; the journal half is the real file
 * store with real fsync. Figures: p50/p95 per save.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { journalStoreFor } from '../electron/main/journal/journal-store';
import { eventsFromRecords } from '../shared/journal/from-records';
import type { ContestId, CriterionId, EntrantId, JudgeId, RoundId, Score } from '../shared/model/types';
import { openDatabase } from '../renderer/src/db/database';
import { createRepos } from '../renderer/src/db/repos';
import { createScoreSaver } from '../renderer/src/journal/score-saver';
import type { Bridge } from '../shared/bridge/contract';
import { percentile, type BenchRow } from './harness';

const ENTRANTS = 1045;
const JUDGES = 9;
const CRITERIA = 10;
const SAMPLES = 300;

function scores(roundId: RoundId): Score[] {
  const out: Score[] = [];
  for (let e = 0; e < ENTRANTS; e++) for (let j = 0; j < JUDGES; j++) for (let c = 0; c < CRITERIA; c++) {
    out.push({ roundId, judgeId: `j${j}` as JudgeId, entrantId: `e${e}` as EntrantId, criterionId: `c${c}` as CriterionId, steps: (e + j + c) % 20 });
  }
  return out;
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gk-bench-save-'));
  const contestId = 'benchcontest' as ContestId;
  const roundId = 'r1' as RoundId;
  const store = journalStoreFor(dir);
  // The bridge as the main side answers it, minus IPC/HTTP transport.
  const bridge = { 'journal:append': async (id: string, events: never[]) => ({ ok: true, value: await store.append(id, events) }) } as unknown as Bridge;
  const opened = await openDatabase(`bench-${Date.now()}`);
  let n = 0;
  const repos = createRepos(opened, () => `dev${++n}`);
  const saver = createScoreSaver(repos.journal, bridge);
  const existing = scores(roundId);
  const events = eventsFromRecords({ contestId, scores: existing, roundOf: () => roundId, by: { role: 'system', name: 'bench' }, at: '2026-11-23T00:00:00Z' });
  await saver.saveMany(events);
  const stored = await opened.db.scores.count();

  const save: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const cell = { roundId, judgeId: 'j1' as JudgeId, entrantId: `e${i % ENTRANTS}` as EntrantId, criterionId: 'c3' as CriterionId };
    let t0 = performance.now();
    await saver.save({ v: 1, contestId, ...cell, kind: 'edit', steps: i % 20, pass: null, by: { role: 'secretary', name: '' }, at: new Date().toISOString(), reason: null });
    save.push(performance.now() - t0);
    t0 = performance.now();
    await opened.db.scores.put({ ...cell, steps: (i + 1) % 20 });
    bare.push(performance.now() - t0);
  }
  opened.db.close();
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: `cell save p50, ${stored.toLocaleString('en')} scores stored (Dexie strict + journal fsync)`, value: percentile(save, 50), unit: 'ms', baselineName: 'bare Dexie put', baseline: percentile(bare, 50) },
    { name: 'cell save p95 (same)', value: percentile(save, 95), unit: 'ms', baselineName: 'bare Dexie put p95', baseline: percentile(bare, 95), goal: '≤ 3× bare put; < 16 ms' },
  ];
}
