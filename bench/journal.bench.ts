/**
 * Score journal figures for a large contest: 1,045 entrants × 9 judges × 10 criteria = 94,050 score
 * events. Journal size on disk; single-event append latency (each fsynced) beside a bare
 * open-append-fsync of a line of the same size; bulk catch-up; and the rebuild from the journal
 * (read + parse + verify + project), whose goal is a few hundred ms.
 *
 * Runs in a temporary folder (BENCH_DIR to choose another disk); fsync costs depend on that disk.
 */
import { hash } from 'node:crypto';
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canonicalJson,
  GENESIS,
  seal,
  type JournalEvent,
  type UnsealedEvent,
} from '../shared/journal/event';
import { project } from '../shared/journal/projection';
import { journalPath, journalStoreFor } from '../electron/main/journal/journal-store';
import { percentile, timeMedian, type BenchRow } from './harness';

const ENTRANTS = 1045;
const JUDGES = 9;
const CRITERIA = 10;
const JUDGE_NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Hoàng Cường',
  'Phạm Thu Dung',
  'Hoàng Minh Đức',
  'Vũ Thị Giang',
  'Đặng Quốc Hùng',
  'Bùi Thanh Hương',
  'Đỗ Ngọc Khánh',
];

/** 20-hex-digit ids like the renderer's newId(), but deterministic. */
const idOf = (kind: string, i: number) => hash('sha256', `${kind}${i}`, 'hex').slice(0, 20);

/** Every judge scores every criterion of every entrant on their own device, in entrant order. */
export function contestEvents(contestId = idOf('contest', 0)): JournalEvent[] {
  const roundId = idOf('round', 0);
  const out: JournalEvent[] = [];
  for (let j = 0; j < JUDGES; j++) {
    const deviceId = idOf('device', j);
    let prev = GENESIS;
    let seq = 0;
    for (let e = 0; e < ENTRANTS; e++) {
      for (let c = 0; c < CRITERIA; c++) {
        const minute = (e * CRITERIA + c) % 60;
        const u: UnsealedEvent = {
          v: 1,
          contestId,
          roundId,
          judgeId: idOf('judge', j),
          entrantId: idOf('entrant', e),
          criterionId: idOf('criterion', c),
          kind: 'enter',
          steps: (e * 7 + j * 3 + c) % 21,
          pass: null,
          by: { role: 'judge', name: JUDGE_NAMES[j] },
          at: `2025-05-12T09:${String(minute).padStart(2, '0')}:31.512+07:00`,
          reason: null,
        };
        const sealed = seal(u, deviceId, ++seq, prev);
        prev = sealed.hash;
        out.push(sealed);
      }
    }
  }
  return out;
}

export async function run(): Promise<BenchRow[]> {
  const dir = await mkdtemp(join(process.env.BENCH_DIR ?? tmpdir(), 'gk-journal-bench-'));
  try {
    const contestId = 'bench-contest';
    const store = journalStoreFor(dir);
    const count = ENTRANTS * JUDGES * CRITERIA;

    // Bulk catch-up: 1,000-event batches, one fsync each. The generated events are dropped after, so
    // the figures below hold one copy in memory, as the app would.
    let bulkMs = 0;
    {
      const events = contestEvents(contestId);
      const t0 = performance.now();
      for (let i = 0; i < events.length; i += 1000)
        await store.append(contestId, events.slice(i, i + 1000));
      bulkMs = performance.now() - t0;
    }
    const bytes = (await stat(journalPath(dir, contestId))).size;

    // Rebuild from the journal: read + parse + verify + project, then its two halves.
    let projected = 0;
    const rebuildMs = await timeMedian(
      async () => {
        projected = project(await store.read(contestId)).scores.length;
      },
      5,
      2,
    );
    if (projected !== count)
      throw new Error(`rebuild projected ${projected} scores, expected ${count}`);
    const readMs = await timeMedian(() => store.read(contestId), 5, 1);
    let fromDisk: JournalEvent[] | null = await store.read(contestId);
    const projectMs = await timeMedian(() => project(fromDisk!), 5, 1);
    fromDisk = null;
    const verifyMs = await timeMedian(() => store.verify(contestId), 3, 1);

    // Single-event appends, each fsynced, vs a bare open-append-fsync of a same-size line.
    const single = 300;
    const contest2 = 'bench-single';
    const more = contestEvents(contest2).slice(0, single);
    const lat: number[] = [];
    for (const e of more) {
      const s = performance.now();
      await store.append(contest2, [e]);
      lat.push(performance.now() - s);
    }
    const line = `${canonicalJson(more[0])}\n`;
    const rawPath = join(dir, 'baseline.jsonl');
    const base: number[] = [];
    for (let i = 0; i < single; i++) {
      const s = performance.now();
      const fh = await open(rawPath, 'a');
      await fh.appendFile(line);
      await fh.datasync();
      await fh.close();
      base.push(performance.now() - s);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

    return [
      {
        name: `journal size, ${count.toLocaleString('en')} score events`,
        value: bytes / 1e6,
        unit: 'MB',
        goal: `${Math.round(bytes / count)} B/event`,
      },
      {
        name: 'rebuild from journal (read+parse+verify+project)',
        value: rebuildMs,
        unit: 'ms',
        goal: 'a few hundred ms',
      },
      { name: '… of which read + parse + quick verify', value: readMs, unit: 'ms' },
      { name: '… of which project', value: projectMs, unit: 'ms' },
      {
        name: 'full check (Kiểm tra toàn vẹn: zod + canonical bytes)',
        value: verifyMs,
        unit: 'ms',
      },
      { name: 'bulk catch-up append, 1,000-event batches', value: bulkMs, unit: 'ms' },
      {
        name: 'single-event append p50 (fsync each)',
        value: percentile(lat, 50),
        unit: 'ms',
        baselineName: 'bare append+fsync p50',
        baseline: percentile(base, 50),
      },
      {
        name: 'single-event append p95 (fsync each)',
        value: percentile(lat, 95),
        unit: 'ms',
        baselineName: 'bare append+fsync p95',
        baseline: percentile(base, 95),
      },
      {
        name: 'single-event append throughput',
        value: 1000 / mean(lat),
        unit: 'events/s',
        baselineName: 'bare append+fsync',
        baseline: 1000 / mean(base),
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
