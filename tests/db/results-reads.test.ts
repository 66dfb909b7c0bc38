/**
 * The results screen's round reads (renderer/src/features/results/round-reads.ts) on Dexie over
 * fake-indexeddb: a write is seen as touching a round exactly when it changed that round's scores,
 * the typed-array encoding gives back the same scores, and the reader answers on the page when its
 * worker cannot start or fails.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../renderer/src/db/database';
import { journalRepo } from '../../renderer/src/db/repos/journal-repo';
import {
  createScoreReader,
  decodeScores,
  encodeScores,
  touchesRound,
} from '../../renderer/src/features/results/round-reads';
import type { RoundId, Score } from '@shared/model/types';
import { aScore, aScoreEvent } from '../support/builders';

const fresh = () => `db-${Math.random().toString(36).slice(2)}`;

/** The parts Dexie reports for the next committed write. */
function nextWrite(): Promise<ObservabilitySet> {
  return new Promise((resolve) => {
    const once = (parts: ObservabilitySet) => {
      if (!Object.keys(parts).some((k) => k.includes('/scores/'))) return;
      Dexie.on.storagemutated.unsubscribe(once);
      resolve(parts);
    };
    Dexie.on.storagemutated.subscribe(once);
  });
}

describe('results: round reads', () => {
  it('a score written in a round touches that round and no other', async () => {
    const { db } = await openDatabase(fresh());
    const repo = journalRepo(db, null, () => 'dev1');
    const seen = nextWrite();
    await repo.record(aScoreEvent({ roundId: 'r1', steps: 12 }));
    const parts = await seen;
    expect(touchesRound(parts, 'r1')).toBe(true);
    expect(touchesRound(parts, 'r2')).toBe(false);
    expect(touchesRound(parts, 'r')).toBe(false); // a prefix of the id is another round
    const many = nextWrite();
    await repo.recordMany([
      aScoreEvent({ roundId: 'r2', entrantId: 'e2' }),
      aScoreEvent({ roundId: 'r2', entrantId: 'e3' }),
    ]);
    const p2 = await many;
    expect([touchesRound(p2, 'r1'), touchesRound(p2, 'r2')]).toEqual([false, true]);
    db.close();
  });

  it('a restore that replaces a round’s scores by range touches the round', async () => {
    const { db } = await openDatabase(fresh());
    const repo = journalRepo(db, null, () => 'dev1');
    await repo.record(aScoreEvent({ roundId: 'r1' }));
    const seen = nextWrite();
    await repo.restore('c1' as never, ['r1' as RoundId], [], [aScore({ steps: 3 })]);
    expect(touchesRound(await seen, 'r1')).toBe(true);
    db.close();
  });

  it('encoding a round’s scores as typed arrays gives back the same scores, cleared cells included', () => {
    const scores: Score[] = [
      aScore({ steps: 17 }),
      aScore({ judgeId: 'j2' as never, steps: null }),
      aScore({ entrantId: 'e2' as never, criterionId: 'q2' as never, steps: 0 }),
    ];
    const e = encodeScores('r1', scores);
    expect(e.judgeIds).toEqual(['j1', 'j2']);
    expect(decodeScores(e)).toEqual(scores);
  });

  it('the reader answers on the page when no worker can start, and when the worker fails', async () => {
    const page = async (roundId: RoundId) => [aScore({ roundId, steps: 5 })];
    expect(await createScoreReader(page, () => null)('r1' as RoundId)).toEqual([
      aScore({ steps: 5 }),
    ]);
    expect(
      await createScoreReader(page, () => {
        throw new Error('no workers here');
      })('r1' as RoundId),
    ).toEqual([aScore({ steps: 5 })]);
    // A worker that answers with an error: the same read is done on the page.
    const failing = {
      onmessage: null as ((ev: MessageEvent) => void) | null,
      onerror: null,
      terminate() {},
      postMessage(m: { id: number }) {
        queueMicrotask(() =>
          this.onmessage?.({ data: { id: m.id, error: 'IndexedDB unavailable' } } as MessageEvent),
        );
      },
    };
    expect(
      await createScoreReader(page, () => failing as unknown as Worker)('r1' as RoundId),
    ).toEqual([aScore({ steps: 5 })]);
  });

  it('a working worker’s answer crosses as typed arrays and is decoded on the page', async () => {
    const worker = {
      onmessage: null as ((ev: MessageEvent) => void) | null,
      onerror: null,
      terminate() {},
      postMessage(m: { id: number; roundId: string }) {
        queueMicrotask(() =>
          this.onmessage?.({
            data: structuredClone({
              id: m.id,
              encoded: encodeScores(m.roundId, [
                aScore({ steps: 9 }),
                aScore({ judgeId: 'j2' as never, steps: null }),
              ]),
            }),
          } as MessageEvent),
        );
      },
    };
    const read = createScoreReader(
      async () => {
        throw new Error('not on the page');
      },
      () => worker as unknown as Worker,
    );
    expect(await read('r1' as RoundId)).toEqual([
      aScore({ steps: 9 }),
      aScore({ judgeId: 'j2' as never, steps: null }),
    ]);
  });
});
