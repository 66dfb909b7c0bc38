/**
 * The score saver over Dexie (fake-indexeddb) and a scripted bridge: each save is recorded at
 * once and in call order whatever the journal does; journal sends are coalesced (one append in
 * flight per contest); a journal that lacks earlier events of this device is healed once and the
 * append retried; the status behind the badge tells saving, saved and on-this-device-only apart.
 */
import { describe, expect, it } from 'vitest';
import type { AppendAck, Bridge, Result } from '@shared/bridge/contract';
import type { JournalEvent } from '@shared/journal/event';
import type { ContestId } from '@shared/model/types';
import { openDatabase } from '../../renderer/src/db/database';
import { createRepos } from '../../renderer/src/db/repos';
import { ReadOnlyDatabaseError } from '../../renderer/src/db/repos/guard';
import { createScoreSaver, type ScoreSaver } from '../../renderer/src/journal/score-saver';
import { aScoreEvent } from '../support/builders';

const c1 = 'c1' as ContestId;
const fresh = () => `db-${Math.random().toString(36).slice(2)}`;

type Answer = Result<AppendAck> | Promise<Result<AppendAck>>;
const ok = (n: number): Result<AppendAck> => ({
  ok: true,
  value: { stored: n, added: n, head: 'h' },
});
const refused = (code: string): Result<AppendAck> => ({
  ok: false,
  error: { code, message: `từ chối: ${code}` },
});

/** A bridge whose appends are answered by `answer` (default: accepted), recording every call. */
function scriptedBridge(
  answer: (events: JournalEvent[], call: number) => Answer = (e) => ok(e.length),
) {
  const calls: JournalEvent[][] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const bridge = {
    'journal:append': async (_id: string, events: JournalEvent[]) => {
      const n = calls.push(events);
      for (const w of waiters.filter((x) => x.n <= n)) w.resolve();
      return answer(events, n);
    },
  } as unknown as Bridge;
  /** Resolves once the journal has been called `n` times. */
  const called = (n: number) =>
    new Promise<void>((resolve) => (calls.length >= n ? resolve() : waiters.push({ n, resolve })));
  return { bridge, calls, called };
}

/** The next task, as the next keystroke would be: a raw read started then counts the events. */
const countInNextTask = (db: IDBDatabase) =>
  new Promise<number>((resolve, reject) =>
    setTimeout(() => {
      const r = db.transaction('events', 'readonly').objectStore('events').count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    }),
  );

/** A promise and its resolver: lets a test hold the journal's answer. */
function gate<T>() {
  let open!: (v: T) => void;
  const p = new Promise<T>((r) => (open = r));
  return { p, open };
}

async function setup(bridge: Bridge, heal?: (id: ContestId) => Promise<void>) {
  const opened = await openDatabase(fresh());
  let n = 0;
  const repos = createRepos(opened, () => `dev${++n}`);
  return { opened, repos, saver: createScoreSaver(repos.journal, bridge, heal ? { heal } : {}) };
}

/** Wait until the saver's status for c1 satisfies `cond` (event-driven, no timers). */
const until = (saver: ScoreSaver, cond: () => boolean) =>
  new Promise<void>((resolve) => {
    if (cond()) return resolve();
    const stop = saver.subscribe(() => {
      if (cond()) {
        stop();
        resolve();
      }
    });
  });

describe('score saver', () => {
  it('a value is in a transaction before the next task; values typed meanwhile follow in one transaction, in order', async () => {
    const held = gate<void>();
    const { bridge, calls, called } = scriptedBridge(async (e) => {
      await held.p;
      return ok(e.length);
    });
    const opened = await openDatabase(fresh());
    let n = 0;
    const repos = createRepos(opened, () => `dev${++n}`);
    const transactions: number[] = []; // events per local transaction the saver opened
    const journal = {
      ...repos.journal,
      record: (e: Parameters<typeof repos.journal.record>[0]) => {
        transactions.push(1);
        return repos.journal.record(e);
      },
      recordMany: (l: Parameters<typeof repos.journal.recordMany>[0]) => {
        transactions.push(l.length);
        return repos.journal.recordMany(l);
      },
    };
    const saver = createScoreSaver(journal, bridge);
    const saves = Array.from({ length: 30 }, (_, i) =>
      saver.save(aScoreEvent({ criterionId: `q${i}`, steps: i })),
    );
    // The first value's transaction started at once: a read begun in the next task sees it.
    expect(await countInNextTask(opened.db.backendDB())).toBeGreaterThanOrEqual(1);
    await until(saver, () => saver.status(c1).unrecorded === 0);
    expect(transactions).toEqual([1, 29]);
    const events = (await repos.journal.events(c1)).sort((a, b) => a.seq - b.seq);
    expect(events.map((e) => e.criterionId)).toEqual(Array.from({ length: 30 }, (_, i) => `q${i}`));
    events.forEach((e, i) => expect(e.prev).toBe(i === 0 ? '' : events[i - 1].hash));
    expect(saver.status(c1)).toMatchObject({ pending: 30, unrecorded: 0, waiting: 30 });
    await called(1);
    expect(calls.length).toBe(1); // the journal is slow: nothing waited for it
    held.open();
    expect((await Promise.all(saves)).map((r) => r.state)).toEqual(Array(30).fill('saved'));
    expect(calls.length).toBeLessThanOrEqual(2);
    expect(calls.flat().map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await repos.journal.countOutbox(c1)).toBe(0);
    expect(saver.status(c1)).toMatchObject({ pending: 0, waiting: 0, failed: false });
    expect(saver.unsent()).toEqual([]);
    opened.db.close();
  });

  it('one value typed when nothing is being recorded: its own transaction, begun before the next task', async () => {
    const { bridge } = scriptedBridge();
    const { opened, saver } = await setup(bridge);
    const saving = saver.save(aScoreEvent());
    expect(await countInNextTask(opened.db.backendDB())).toBe(1);
    expect((await saving).state).toBe('saved');
    opened.db.close();
  });

  it('one append in flight per contest: everything recorded meanwhile goes in the next one', async () => {
    const gates = [gate<void>(), gate<void>(), gate<void>()];
    const { bridge, calls, called } = scriptedBridge(async (e, call) => {
      await gates[call - 1].p;
      return ok(e.length);
    });
    const { opened, saver } = await setup(bridge);
    const first = saver.save(aScoreEvent({ criterionId: 'q0' }));
    await called(1);
    const rest = Array.from({ length: 9 }, (_, i) =>
      saver.save(aScoreEvent({ criterionId: `q${i + 1}` })),
    );
    await until(saver, () => saver.status(c1).unrecorded === 0);
    expect(calls.length).toBe(1);
    gates[0].open();
    expect((await first).state).toBe('saved');
    await called(2);
    expect(calls[1].map((e) => e.criterionId)).toEqual(
      Array.from({ length: 9 }, (_, i) => `q${i + 1}`),
    );
    gates[1].open();
    expect((await Promise.all(rest)).every((r) => r.state === 'saved')).toBe(true);
    expect(calls.length).toBe(2);
    opened.db.close();
  });

  it('a journal that lacks earlier events of this device is healed once, then the append is retried', async () => {
    let healed = 0;
    const { bridge, calls } = scriptedBridge((e) =>
      healed === 0 ? refused('journalGap') : ok(e.length),
    );
    const { opened, repos, saver } = await setup(bridge, async (id) => {
      expect(id).toBe(c1);
      healed++;
    });
    const r = await saver.save(aScoreEvent());
    expect(r.state).toBe('saved');
    expect(healed).toBe(1);
    expect(calls.length).toBe(2);
    expect(await repos.journal.countOutbox(c1)).toBe(0);
    opened.db.close();
  });

  it('healing that does not help leaves the change on this device only; other refusals never heal', async () => {
    let healed = 0;
    const gap = scriptedBridge(() => refused('journalGap'));
    const a = await setup(gap.bridge, async () => {
      healed++;
    });
    const r = await a.saver.save(aScoreEvent());
    expect(r).toMatchObject({ state: 'localOnly', message: 'từ chối: journalGap' });
    expect(healed).toBe(1);
    expect(gap.calls.length).toBe(2);
    expect(a.saver.status(c1)).toMatchObject({ failed: true, waiting: 1, pending: 0 });
    a.opened.db.close();

    const fork = scriptedBridge(() => refused('journalFork'));
    const b = await setup(fork.bridge, async () => {
      healed++;
    });
    expect((await b.saver.save(aScoreEvent())).state).toBe('localOnly');
    expect(healed).toBe(1);
    expect(fork.calls.length).toBe(1);
    b.opened.db.close();
  });

  it('a heal that throws is reported, not retried', async () => {
    const { bridge, calls } = scriptedBridge(() => refused('journalGap'));
    const { opened, saver } = await setup(bridge, async () => {
      throw new Error('không đọc được sổ điểm');
    });
    const r = await saver.save(aScoreEvent());
    expect(r.state).toBe('localOnly');
    expect(r.message).toContain('không đọc được sổ điểm');
    expect(calls.length).toBe(1);
    opened.db.close();
  });

  it('the status tells "on this device only" until a later send is acknowledged', async () => {
    let online = false;
    const { bridge } = scriptedBridge((e) => (online ? ok(e.length) : refused('offline')));
    const { opened, saver } = await setup(bridge);
    let seen = 0;
    saver.subscribe(() => seen++);
    expect((await saver.save(aScoreEvent())).state).toBe('localOnly');
    expect((await saver.save(aScoreEvent({ criterionId: 'q2' }))).state).toBe('localOnly');
    expect(saver.status(c1)).toMatchObject({
      pending: 0,
      waiting: 2,
      failed: true,
      message: 'từ chối: offline',
    });
    expect(saver.unsent()).toEqual([c1]);
    const before = saver.status(c1);
    expect(saver.status(c1)).toBe(before); // the same object until something changes
    online = true;
    expect(await saver.flush(c1)).toEqual({ ok: true });
    expect(saver.status(c1)).toMatchObject({
      pending: 0,
      waiting: 0,
      failed: false,
      message: null,
      sends: 1,
    });
    expect(saver.unsent()).toEqual([]);
    expect(seen).toBeGreaterThan(0);
    opened.db.close();
  });

  it('a change the database refuses is an error, never "saved" or "on this device"', async () => {
    const { bridge, calls } = scriptedBridge();
    const opened = await openDatabase(fresh());
    const repos = createRepos({ ...opened, readOnlyReason: 'phiên bản mới hơn' }, () => 'dev');
    const saver = createScoreSaver(repos.journal, bridge);
    await expect(saver.save(aScoreEvent())).rejects.toBeInstanceOf(ReadOnlyDatabaseError);
    expect(saver.status(c1)).toMatchObject({ pending: 0, unrecorded: 0, waiting: 0 });
    expect(calls.length).toBe(0);
    opened.db.close();
  });
});
