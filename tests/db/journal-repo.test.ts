import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../renderer/src/db/database';
import { createRepos } from '../../renderer/src/db/repos';
import { hashEvent } from '@shared/journal/event';
import type { ContestId, RoundId } from '@shared/model/types';
import { aScoreEvent } from '../support/builders';

const fresh = () => `db-${Math.random().toString(36).slice(2)}`;
const c1 = 'c1' as ContestId;
const r1 = 'r1' as RoundId;

async function setup() {
  const opened = await openDatabase(fresh());
  let n = 0;
  return { opened, repos: createRepos(opened, () => `dev${++n}`) };
}

describe('local journal', () => {
  it('numbers and chains this device’s events and updates the score projection in the same transaction', async () => {
    const { opened, repos } = await setup();
    const a = await repos.journal.record(aScoreEvent({ steps: 17 }));
    const b = await repos.journal.record(aScoreEvent({ kind: 'edit', steps: 18 }));
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a.prev).toBe('');
    expect(b.prev).toBe(a.hash);
    expect(b.hash).toBe(hashEvent(b));
    expect(a.deviceId).toBe(b.deviceId);
    expect((await repos.journal.scores(r1)).map((s) => s.steps)).toEqual([18]);
    opened.db.close();
  });

  it('one device working on two contests keeps a gap-free chain in each contest’s journal file', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openJournalStore } = await import('../../electron/main/journal/journal-store');
    const store = openJournalStore(mkdtempSync(join(tmpdir(), 'gk-two-contests-')));
    const { opened, repos } = await setup();
    // A, B, A, B, A: each save goes to its own contest's file right away, as the app does.
    const order = ['ca', 'cb', 'ca', 'cb', 'ca'];
    for (const [i, c] of order.entries()) {
      const e = await repos.journal.record(aScoreEvent({ contestId: c, criterionId: `q${i}` }));
      await expect(store.append(c, [e])).resolves.toMatchObject({ added: 1 });
    }
    const a = await repos.journal.events('ca' as ContestId);
    expect(a.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(a[1].prev).toBe(a[0].hash);
    expect((await repos.journal.events('cb' as ContestId)).map((e) => e.seq)).toEqual([1, 2]);
    expect((await store.verify('ca')).ok).toBe(true);
    expect((await store.verify('cb')).ok).toBe(true);
    opened.db.close();
  });

  it('keeps events in the outbox until acknowledged', async () => {
    const { opened, repos } = await setup();
    const a = await repos.journal.record(aScoreEvent());
    const b = await repos.journal.record(aScoreEvent({ criterionId: 'q2' }));
    expect((await repos.journal.outbox(c1)).map((e) => e.seq)).toEqual([1, 2]);
    await repos.journal.markAcked([a]);
    expect((await repos.journal.outbox(c1)).map((e) => e.seq)).toEqual([2]);
    await repos.journal.markAcked([b]);
    expect(await repos.journal.countOutbox(c1)).toBe(0);
    opened.db.close();
  });

  it('a double-key pass does not change the official score projection', async () => {
    const { opened, repos } = await setup();
    await repos.journal.record(aScoreEvent({ pass: 1, steps: 12 }));
    expect(await repos.journal.scores(r1)).toEqual([]);
    opened.db.close();
  });

  it('keeps the secretary’s events apart so results need not read every score event', async () => {
    const { opened, repos } = await setup();
    await repos.journal.record(aScoreEvent({ steps: 17 }));
    await repos.journal.record(
      aScoreEvent({
        kind: 'penalty',
        judgeId: null,
        criterionId: null,
        steps: 50,
        reason: 'Quá giờ',
      }),
    );
    await repos.journal.recordMany([
      aScoreEvent({ kind: 'objective', judgeId: null, steps: 8 }),
      aScoreEvent({ criterionId: 'q2', steps: 3 }),
    ]);
    expect((await repos.journal.extraEvents('r1')).map((e) => e.kind).sort()).toEqual([
      'objective',
      'penalty',
    ]);
    expect(await repos.journal.extraEvents('r2')).toEqual([]);
    opened.db.close();
  });

  it('restores missing events from the journal file and replaces the projection', async () => {
    const { opened, repos } = await setup();
    const lost = await repos.journal.record(aScoreEvent({ steps: 19 }));
    await opened.db.delete();
    const again = await openDatabase(fresh());
    const repos2 = createRepos(again, () => 'dev-new');
    const added = await repos2.journal.restore(
      c1,
      [r1],
      [lost],
      [{ roundId: r1, judgeId: 'j1', entrantId: 'e1', criterionId: 'q1', steps: 19 } as never],
    );
    expect(added).toBe(1);
    expect((await repos2.journal.scores(r1))[0].steps).toBe(19);
    expect(await repos2.journal.countOutbox(c1)).toBe(0);
    // a restored device starts its own chain under a new id, so sequence numbers never collide
    const next = await repos2.journal.record(aScoreEvent({ kind: 'edit', steps: 20 }));
    expect(next.deviceId).not.toBe(lost.deviceId);
    again.db.close();
  });
});
