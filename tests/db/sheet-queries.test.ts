/**
 * One judge's sheet read at the size of the screen: the sheet's scores by one indexed query, the
 * cells each write touched reported without reading anything (so the grid re-reads those cells
 * only), the sheet's own events (submit, reopen, comment) and double-key passes found through the
 * indexes of schema step 2 — which an existing version-1 database gains on opening, data kept.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { ContestId, RoundId } from '@shared/model/types';
import { APP_SCHEMA_VERSION, openDatabase } from '../../renderer/src/db/database';
import { createRepos } from '../../renderer/src/db/repos';
import { sheetKeysIn, type ScoreKey } from '../../renderer/src/db/repos/journal-repo';
import { aScore, aScoreEvent } from '../support/builders';

const fresh = () => `db-${Math.random().toString(36).slice(2)}`;
const c1 = 'c1' as ContestId;
const r1 = 'r1' as RoundId;

async function setup(name = fresh()) {
  const opened = await openDatabase(name);
  let n = 0;
  return { opened, repos: createRepos(opened, () => `dev${++n}`) };
}

/** Collect what watchSheet reports until `stop` is called. */
function watch(repos: Awaited<ReturnType<typeof setup>>['repos'], judgeId: string) {
  const seen: (ScoreKey[] | 'all')[] = [];
  let wake: (() => void) | null = null;
  const stop = repos.journal.watchSheet('r1', judgeId, (t) => {
    seen.push(t);
    wake?.();
  });
  const next = () =>
    new Promise<void>((resolve) => (seen.length > 0 ? resolve() : (wake = resolve)));
  return { seen, stop, next };
}

describe('one judge’s sheet', () => {
  it('reads the judge’s scores only, by the [roundId+judgeId] index', async () => {
    const { opened, repos } = await setup();
    await repos.journal.record(aScoreEvent({ judgeId: 'j1', criterionId: 'q1', steps: 10 }));
    await repos.journal.record(aScoreEvent({ judgeId: 'j2', criterionId: 'q1', steps: 11 }));
    await repos.journal.record(
      aScoreEvent({ judgeId: 'j1', entrantId: 'e2', criterionId: 'q2', steps: 12 }),
    );
    expect((await repos.journal.sheetScores('r1', 'j1')).map((s) => s.steps).sort()).toEqual([
      10, 12,
    ]);
    expect(
      (
        await repos.journal.scoresAt([
          ['r1', 'j1', 'e2', 'q2'],
          ['r1', 'j1', 'e9', 'q9'],
        ])
      ).map((s) => s?.steps),
    ).toEqual([12, undefined]);
    opened.db.close();
  });

  it('reports the cells a save touched, for this judge only, without reading', async () => {
    const { opened, repos } = await setup();
    const w = watch(repos, 'j1');
    await repos.journal.record(aScoreEvent({ judgeId: 'j2' }));
    await repos.journal.record(aScoreEvent({ judgeId: 'j1', entrantId: 'e7', criterionId: 'q3' }));
    await w.next();
    expect(w.seen).toEqual([[['r1', 'j1', 'e7', 'q3']]]);
    w.stop();
    await repos.journal.record(aScoreEvent({ judgeId: 'j1', entrantId: 'e8' }));
    expect(w.seen).toHaveLength(1); // unsubscribed
    opened.db.close();
  });

  it('a large restore (a write Dexie reports as a range) asks for the whole sheet again', async () => {
    const { opened, repos } = await setup();
    const lost = await repos.journal.record(aScoreEvent({ judgeId: 'j1', steps: 19 }));
    const w = watch(repos, 'j1');
    await repos.journal.restore(
      c1,
      [r1],
      [lost],
      Array.from({ length: 60 }, (_, i) => aScore({ entrantId: `e${i}` as never, steps: 19 })),
    );
    await w.next();
    expect(w.seen).toContain('all');
    w.stop();
    opened.db.close();
  });

  it('tells points from ranges in a write’s key set', () => {
    const point = (k: string[]) => ({ from: k, to: k, d: 1 });
    const tree = {
      ...point(['r1', 'j1', 'e1', 'q1']),
      l: point(['r1', 'j0', 'e1', 'q1']),
      r: point(['r1', 'j2', 'e1', 'q1']),
      d: 2,
    };
    expect(sheetKeysIn(tree, 'r1', 'j1')).toEqual([['r1', 'j1', 'e1', 'q1']]);
    expect(sheetKeysIn(tree, 'r1', 'j9')).toEqual([]);
    expect(sheetKeysIn({ from: ['r1'], to: ['r1', []], d: 1 }, 'r1', 'j1')).toBe('all');
    expect(sheetKeysIn({ from: -Infinity, to: [[]], d: 1 }, 'r1', 'j1')).toBe('all');
    expect(sheetKeysIn({ from: ['r2'], to: ['r3'], d: 1 }, 'r1', 'j1')).toEqual([]);
    expect(sheetKeysIn({ d: 0 }, 'r1', 'j1')).toEqual([]);
  });

  it('finds the sheet’s own events and its double-key passes without the score entries', async () => {
    const { opened, repos } = await setup();
    await repos.journal.recordMany(
      Array.from({ length: 40 }, (_, i) => aScoreEvent({ entrantId: `e${i}` })),
    );
    await repos.journal.record(
      aScoreEvent({ kind: 'comment', criterionId: null, steps: null, reason: 'Sinh động' }),
    );
    await repos.journal.record(
      aScoreEvent({ kind: 'submit', entrantId: null, criterionId: null, steps: null }),
    );
    await repos.journal.record(
      aScoreEvent({
        kind: 'reopen',
        entrantId: null,
        criterionId: null,
        steps: null,
        reason: 'Sửa',
      }),
    );
    await repos.journal.record(aScoreEvent({ pass: 1, steps: 3 }));
    await repos.journal.record(aScoreEvent({ pass: 2, steps: 4 }));
    await repos.journal.record(
      aScoreEvent({ kind: 'verifyConfirm', steps: 3, settles: undefined }),
    );
    await repos.journal.record(
      aScoreEvent({
        judgeId: 'j2',
        kind: 'submit',
        entrantId: null,
        criterionId: null,
        steps: null,
      }),
    );
    expect((await repos.journal.sheetEvents('r1', 'j1')).map((e) => e.kind).sort()).toEqual([
      'comment',
      'reopen',
      'submit',
    ]);
    expect(
      (await repos.journal.passEvents('r1', 'j1')).map((e) => `${e.kind}/${e.pass}`).sort(),
    ).toEqual(['enter/1', 'enter/2', 'verifyConfirm/null']);
    opened.db.close();
  });

  it('a version-1 database gains the sheet indexes on opening, with its events kept', async () => {
    const name = fresh();
    const v1 = new Dexie(name);
    v1.version(1).stores({
      contests: 'id',
      rounds: 'id, contestId',
      clusters: 'id, roundId',
      criteria: 'id, roundId',
      judges: 'id, contestId',
      entrants: 'id, roundId, [roundId+code]',
      scores:
        '[roundId+judgeId+entrantId+criterionId], roundId, [roundId+judgeId], [roundId+entrantId]',
      events: '[contestId+deviceId+seq], contestId, [roundId+judgeId]',
      outbox: '[contestId+deviceId+seq], contestId',
      extraEvents: '[contestId+deviceId+seq], roundId',
      meta: 'key',
    });
    const old = {
      ...aScoreEvent({ kind: 'submit', entrantId: null, criterionId: null, steps: null }),
      deviceId: 'old',
      seq: 1,
      prev: '',
      hash: 'x'.repeat(64),
    };
    await v1.table('events').add(old);
    await v1.table('meta').put({ key: 'schema', value: 1 });
    v1.close();
    const { opened, repos } = await setup(name);
    expect(opened.readOnlyReason).toBeNull();
    expect((await opened.db.meta.get('schema'))?.value).toBe(APP_SCHEMA_VERSION);
    expect(APP_SCHEMA_VERSION).toBe(2);
    expect((await repos.journal.sheetEvents('r1', 'j1')).map((e) => e.deviceId)).toEqual(['old']);
    expect(await opened.db.events.count()).toBe(1);
    opened.db.close();
  });
});

describe('the live sheet (scoring/sheet-values.ts)', () => {
  it('after the first indexed read, a save re-reads only the cell it touched, whatever the sheet’s size', async () => {
    const { opened, repos } = await setup();
    await repos.journal.recordMany(
      Array.from({ length: 2000 }, (_, i) =>
        aScoreEvent({ entrantId: `e${Math.floor(i / 10)}`, criterionId: `q${i % 10}`, steps: 5 }),
      ),
    );
    const reads = { sheet: 0, keys: [] as number[] };
    const journal = {
      sheetScores: (r: string, j: string) => {
        reads.sheet++;
        return repos.journal.sheetScores(r, j);
      },
      scoresAt: (keys: readonly ScoreKey[]) => {
        reads.keys.push(keys.length);
        return repos.journal.scoresAt(keys);
      },
      watchSheet: repos.journal.watchSheet,
    };
    const states: ReadonlyMap<string, Readonly<Record<string, number | null>>>[] = [];
    let wake: (() => void) | null = null;
    const { watchSheetValues } = await import('../../renderer/src/features/scoring/sheet-values');
    const stop = watchSheetValues(journal, 'r1', 'j1', (v) => {
      states.push(v);
      wake?.();
    });
    const settled = (n: number) =>
      new Promise<void>((resolve) =>
        states.length >= n ? resolve() : (wake = () => states.length >= n && resolve()),
      );
    await settled(1);
    expect(states[0].size).toBe(200);
    const first = states[0];
    for (let i = 0; i < 5; i++) {
      await repos.journal.record(
        aScoreEvent({ kind: 'edit', entrantId: `e${i}`, criterionId: 'q3', steps: 10 + i }),
      );
      await settled(2 + i);
    }
    await repos.journal.record(
      aScoreEvent({ judgeId: 'j2', kind: 'edit', entrantId: 'e9', steps: 1 }),
    ); // another judge: not read
    await repos.journal.record(
      aScoreEvent({ kind: 'edit', entrantId: 'e199', criterionId: 'q0', steps: 1 }),
    );
    await settled(7);
    expect(reads.sheet).toBe(1);
    expect(reads.keys).toEqual([1, 1, 1, 1, 1, 1]);
    const last = states[states.length - 1];
    expect([0, 1, 2, 3, 4].map((i) => last.get(`e${i}`)?.q3)).toEqual([10, 11, 12, 13, 14]);
    expect(last.get('e50')).toBe(first.get('e50')); // untouched rows keep their object
    expect(last.get('e199')?.q0).toBe(1);
    stop();
    opened.db.close();
  });
});
