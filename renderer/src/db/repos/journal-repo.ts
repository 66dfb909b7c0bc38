/**
 * The local journal: this device's identity, its chain in each contest, the events it made or
 * received, and the score projection kept beside them. Recording an event and updating the
 * projection is one strict transaction, so the two can never disagree after a crash.
 *
 * Each contest has its own journal file, so the device numbers its events per contest: seq 1, 2, 3…
 * and `prev` links within that contest only. (One chain across contests would leave gaps in every
 * file, which the journal store rightly refuses.)
 */
import { cellEffect } from '@shared/journal/cell-rule';
import { GENESIS, seal, type JournalEvent, type UnsealedEvent } from '@shared/journal/event';
import type { Table } from 'dexie';
import type { ContestId, RoundId, Score } from '@shared/model/types';
import type { EventKey, GiamKhaoDb, StoredEvent } from '../database';
import { assertWritable } from './guard';
import Dexie, { cmp, type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';

export interface DeviceState {
  readonly id: string;
  readonly seq: number;
  readonly lastHash: string;
}

/** This device's place in one contest's chain. */
interface ChainState {
  readonly seq: number;
  readonly lastHash: string;
}

/**
 * The official cell value an event of this device sets, by the one cell rule
 * (shared/journal/cell-rule.ts). Applied at once so the grid needs no re-projection per keystroke.
 */
export function scoreFromEvent(e: JournalEvent): Score | null {
  if (!e.judgeId || !e.entrantId || !e.criterionId) return null;
  const effect = cellEffect(e);
  if (!effect || effect.scope !== 'score') return null;
  return {
    roundId: e.roundId as RoundId,
    judgeId: e.judgeId as Score['judgeId'],
    entrantId: e.entrantId as Score['entrantId'],
    criterionId: e.criterionId as Score['criterionId'],
    steps: effect.steps,
  };
}

const strip = (e: StoredEvent): JournalEvent => e;
/** Events sealed between two yields to the page (SHA-256 in JS: a few ms per thousand). */
const SEAL_CHUNK = 2000;
const outboxRow = (e: JournalEvent) => ({
  contestId: e.contestId,
  deviceId: e.deviceId,
  seq: e.seq,
});
const keyOf = (e: Pick<JournalEvent, 'contestId' | 'deviceId' | 'seq'>): EventKey => [
  e.contestId,
  e.deviceId,
  e.seq,
];
const EXTRA_KINDS = new Set(['penalty', 'objective', 'tieBreak']);
const extras = (list: readonly JournalEvent[]) => list.filter((e) => EXTRA_KINDS.has(e.kind));

export function journalRepo(
  db: GiamKhaoDb,
  readOnlyReason: string | null,
  newDeviceId: () => string,
) {
  /** This browser profile's device id, made once. */
  async function deviceId(): Promise<string> {
    const row = await db.meta.get('device');
    if (row) return (row.value as { id: string }).id;
    const id = newDeviceId();
    await db.meta.put({ key: 'device', value: { id } });
    return id;
  }

  /** The device's position in a contest's chain (call inside a transaction that includes meta). */
  async function device(contestId: string): Promise<DeviceState> {
    const id = await deviceId();
    const chain = (await db.meta.get(`chain:${contestId}`))?.value as ChainState | undefined;
    return { id, seq: chain?.seq ?? 0, lastHash: chain?.lastHash ?? GENESIS };
  }

  const advance = (contestId: string, last: JournalEvent) =>
    db.meta.put({
      key: `chain:${contestId}`,
      value: { seq: last.seq, lastHash: last.hash } satisfies ChainState,
    });

  /**
   * One transaction over the journal tables and `tables`: `build` runs inside it (it may read and
   * write those tables) and returns the events to record; they are sealed as this device's next
   * and stored with their outbox rows. Returns nothing written when build returns no events.
   */
  async function recordWith(
    contestId: string,
    tables: readonly Table[],
    build: () => Promise<readonly UnsealedEvent[]>,
  ): Promise<JournalEvent[]> {
    assertWritable(readOnlyReason);
    return db.transaction(
      'rw',
      [db.meta, db.events, db.outbox, db.extraEvents, db.scores, ...tables],
      async () => {
        const list = await build();
        if (list.length === 0) return [];
        if (list.some((e) => e.contestId !== contestId))
          throw new Error('recordWith: one contest at a time');
        const dev = await device(contestId);
        let seq = dev.seq;
        let prev = dev.lastHash;
        const sealed = list.map((e) => {
          const s = seal(e, dev.id, ++seq, prev);
          prev = s.hash;
          return s;
        });
        await db.events.bulkAdd(sealed);
        await db.outbox.bulkAdd(sealed.map(outboxRow));
        await db.extraEvents.bulkAdd(extras(sealed));
        await db.scores.bulkPut(sealed.map(scoreFromEvent).filter((x): x is Score => x !== null));
        await advance(contestId, sealed[sealed.length - 1]);
        return sealed;
      },
    );
  }

  return {
    device,

    /** Seal the event as this device's next, store it, and update the projection: one transaction. */
    async record(e: UnsealedEvent): Promise<JournalEvent> {
      assertWritable(readOnlyReason);
      return db.transaction(
        'rw',
        [db.meta, db.events, db.outbox, db.extraEvents, db.scores],
        async () => {
          // Two round trips, not six: a typed value must be stored before the next keystrokes pile up.
          const [idRow, chainRow] = await db.meta.bulkGet(['device', `chain:${e.contestId}`]);
          const id = idRow ? (idRow.value as { id: string }).id : await deviceId();
          const chain = chainRow?.value as ChainState | undefined;
          const sealed = seal(e, id, (chain?.seq ?? 0) + 1, chain?.lastHash ?? GENESIS);
          const score = scoreFromEvent(sealed);
          await Promise.all([
            db.events.add(sealed),
            db.outbox.add(outboxRow(sealed)),
            EXTRA_KINDS.has(sealed.kind) ? db.extraEvents.add(sealed) : null,
            score ? db.scores.put(score) : null,
            advance(e.contestId, sealed),
          ]);
          return sealed;
        },
      );
    },

    /** Seal and store many events at once (sample data, imports of paper results): one transaction. */
    async recordMany(list: readonly UnsealedEvent[]): Promise<JournalEvent[]> {
      const contestId = list[0]?.contestId;
      if (!contestId) return [];
      return recordWith(contestId, [], async () => list);
    },

    recordWith,

    /**
     * Journal-first bulk writes (sample data, paper results by the thousand), step 1: seal `list` as
     * this device's next events without storing anything. `onProgress` is told after each chunk, and
     * the loop yields between chunks so the page stays responsive.
     */
    async sealBulk(
      contestId: string,
      list: readonly UnsealedEvent[],
      onProgress: (done: number) => void = () => undefined,
    ): Promise<{ sealed: JournalEvent[]; after: DeviceState }> {
      assertWritable(readOnlyReason);
      if (list.some((e) => e.contestId !== contestId))
        throw new Error('sealBulk: one contest at a time');
      const after = await db.transaction('rw', db.meta, () => device(contestId)); // rw: a first use makes the device id
      const sealed: JournalEvent[] = [];
      let prev = after.lastHash;
      for (let i = 0; i < list.length; i += SEAL_CHUNK) {
        for (const e of list.slice(i, i + SEAL_CHUNK)) {
          const s = seal(e, after.id, after.seq + sealed.length + 1, prev);
          prev = s.hash;
          sealed.push(s);
        }
        onProgress(sealed.length);
        await new Promise((r) => setTimeout(r, 0));
      }
      return { sealed, after };
    },

    /**
     * Step 2, once the journal file holds `sealed[0 … acked)`: store every event and its projected
     * score in one transaction, with outbox rows only for those the file does not have yet. Refused
     * (nothing stored) if this device recorded anything since sealBulk — its numbers would clash.
     */
    async storeBulk(
      contestId: string,
      sealed: readonly JournalEvent[],
      after: DeviceState,
      acked: number,
    ): Promise<void> {
      assertWritable(readOnlyReason);
      await db.transaction(
        'rw',
        [db.meta, db.events, db.outbox, db.extraEvents, db.scores],
        async () => {
          const now = await device(contestId);
          if (now.seq !== after.seq || now.lastHash !== after.lastHash)
            throw new Error(
              'Trong lúc ghi hàng loạt, máy này đã ghi thêm thay đổi khác: hãy thử lại.',
            );
          if (sealed.length === 0) return;
          await db.events.bulkAdd([...sealed]);
          await db.outbox.bulkAdd(sealed.slice(acked).map(outboxRow));
          await db.extraEvents.bulkAdd(extras(sealed));
          await db.scores.bulkPut(sealed.map(scoreFromEvent).filter((x): x is Score => x !== null));
          await advance(contestId, sealed[sealed.length - 1]);
        },
      );
    },

    async markAcked(events: readonly JournalEvent[]): Promise<void> {
      await db.outbox.bulkDelete(events.map(keyOf));
    },

    /** Events not yet confirmed on disk by the main side, in device order. */
    async outbox(contestId: ContestId): Promise<JournalEvent[]> {
      const keys = (await db.outbox.where('contestId').equals(contestId).toArray()).map(keyOf);
      const rows = (await db.events.bulkGet(keys)).filter((r): r is StoredEvent => !!r);
      return rows
        .sort((a, b) =>
          a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.seq - b.seq,
        )
        .map(strip);
    },

    async countOutbox(contestId: ContestId): Promise<number> {
      return db.outbox.where('contestId').equals(contestId).count();
    },

    async events(contestId: ContestId): Promise<JournalEvent[]> {
      return (await db.events.where('contestId').equals(contestId).toArray()).map(strip);
    },

    /** One judge's events in a round (for sheet state, double-key passes and the audit view). */
    async eventsOf(roundId: string, judgeId: string): Promise<JournalEvent[]> {
      return (await db.events.where('[roundId+judgeId]').equals([roundId, judgeId]).toArray()).map(
        strip,
      );
    },

    /** The secretary's events of a round (objective parts, penalties, tie-break answers). */
    async extraEvents(roundId: string): Promise<JournalEvent[]> {
      return db.extraEvents.where('roundId').equals(roundId).toArray();
    },

    async scores(roundId: RoundId): Promise<Score[]> {
      return db.scores.where('roundId').equals(roundId).toArray();
    },

    /**
     * Rebuild from the journal file: store every event we lack (as already on disk) and replace the
     * contest's projected scores with `scores`. One transaction.
     */
    async restore(
      contestId: ContestId,
      roundIds: readonly RoundId[],
      events: readonly JournalEvent[],
      scores: readonly Score[],
    ): Promise<number> {
      assertWritable(readOnlyReason);
      return db.transaction('rw', [db.meta, db.events, db.extraEvents, db.scores], async () => {
        const have = new Set(
          (await db.events.where('contestId').equals(contestId).primaryKeys()).map(
            ([, d, s]) => `${d}|${s}`,
          ),
        );
        const missing = events.filter((e) => !have.has(`${e.deviceId}|${e.seq}`));
        await db.events.bulkPut(missing);
        await db.extraEvents.bulkPut(extras(missing));
        await db.scores
          .where('roundId')
          .anyOf([...roundIds])
          .delete();
        await db.scores.bulkPut([...scores]);
        // This device's own events that came back from the file (a crash after a journal-first bulk
        // write): its chain must continue after them, or its next event would reuse their numbers.
        const dev = await device(contestId);
        const last = missing
          .filter((e) => e.deviceId === dev.id && e.seq > dev.seq)
          .sort((a, b) => b.seq - a.seq)[0];
        if (last) await advance(contestId, last);
        return missing.length;
      });
    },

    // One judge's sheet, read at the size of the screen (features/scoring/useSheetScores.ts).

    /** One judge's official scores in a round: one read through the [roundId+judgeId] index. */
    async sheetScores(roundId: string, judgeId: string): Promise<Score[]> {
      return db.scores.where('[roundId+judgeId]').equals([roundId, judgeId]).toArray();
    },

    /** Scores by cell key, in the keys' order (undefined where the cell has none). */
    async scoresAt(keys: readonly ScoreKey[]): Promise<(Score | undefined)[]> {
      return db.scores.bulkGet(keys.map((k) => [...k] as ScoreKey));
    },

    /**
     * Calls `onChange` after every committed write (this tab's or another's) that touched the judge's
     * sheet, with the cells it touched — or 'all' when the write covered a range of keys rather than
     * cells (a restore, a bulk load) and the sheet must be read again. Reads nothing itself: it looks
     * at the keys Dexie reports for each transaction. Returns the unsubscribe function.
     */
    watchSheet(
      roundId: string,
      judgeId: string,
      onChange: (touched: ScoreKey[] | 'all') => void,
    ): () => void {
      const part = `idb://${db.name}/scores/`;
      const listener = (parts: ObservabilitySet) => {
        const tree = parts[part];
        if (!tree) return;
        const touched = sheetKeysIn(tree, roundId, judgeId);
        if (touched === 'all' || touched.length > 0) onChange(touched);
      };
      Dexie.on.storagemutated.subscribe(listener);
      return () => Dexie.on.storagemutated.unsubscribe(listener);
    },

    /**
     * A sheet's own events — submit, reopen, comment — found by equality on [roundId+judgeId+kind],
     * without reading the judge's score entries (a live query over them re-runs only when one of
     * these kinds is written).
     */
    async sheetEvents(roundId: string, judgeId: string): Promise<JournalEvent[]> {
      const lists = await Promise.all(
        SHEET_KINDS.map((k) =>
          db.events.where('[roundId+judgeId+kind]').equals([roundId, judgeId, k]).toArray(),
        ),
      );
      return lists.flat().map(strip);
    },

    /** One judge's double-key pass entries (pass 1 and 2) and the verifications that settle them. */
    async passEvents(roundId: string, judgeId: string): Promise<JournalEvent[]> {
      const [passes, ...verdicts] = await Promise.all([
        db.events
          .where('[roundId+judgeId+pass]')
          .between([roundId, judgeId, 1], [roundId, judgeId, 2], true, true)
          .toArray(),
        ...VERIFY_KINDS.map((k) =>
          db.events.where('[roundId+judgeId+kind]').equals([roundId, judgeId, k]).toArray(),
        ),
      ]);
      return [...passes, ...verdicts.flat()].map(strip);
    },
  };
}

export type JournalRepo = ReturnType<typeof journalRepo>;

/** A score's primary key: one cell of one judge's sheet. */
export type ScoreKey = [roundId: string, judgeId: string, entrantId: string, criterionId: string];

const SHEET_KINDS = ['submit', 'reopen', 'comment'] as const;
const VERIFY_KINDS = ['verifyConfirm', 'verifyReject'] as const;
/** More touched cells than this in one write: read the sheet again instead. */
const MAX_TOUCHED = 500;

/** The judge's cells among a write's touched score keys, or 'all' when a touched range reaches into the sheet. */
export function sheetKeysIn(
  tree: IntervalTree,
  roundId: string,
  judgeId: string,
): ScoreKey[] | 'all' {
  const lo = [roundId, judgeId];
  const hi = [roundId, judgeId, []]; // arrays sort after strings: above every [roundId, judgeId, e, c]
  const out: ScoreKey[] = [];
  const walk = (n: IntervalTreeNode | null | undefined): boolean => {
    if (!n || !('from' in n)) return true;
    if (!walk(n.l)) return false;
    if (cmp(n.to, lo) >= 0 && cmp(n.from, hi) <= 0) {
      if (cmp(n.from, n.to) !== 0) return false;
      out.push(n.from as ScoreKey);
      if (out.length > MAX_TOUCHED) return false;
    }
    return walk(n.r);
  };
  return walk(tree as IntervalTreeNode) ? out : 'all';
}
