/**
 * Journal-first bulk writes (renderer/src/journal/bulk-save.ts): the file gets every event, then the
 * database in one transaction with no outbox rows; a journal that fails midway leaves outbox rows
 * for exactly what it lacks; a crash between the two loses nothing and the chain continues.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../renderer/src/db/database';
import { createRepos } from '../../renderer/src/db/repos';
import { saveBulk } from '../../renderer/src/journal/bulk-save';
import { reconcileWithJournal } from '../../renderer/src/journal/recover';
import { createScoreSaver } from '../../renderer/src/journal/score-saver';
import { openJournalStore } from '../../electron/main/journal/journal-store';
import type { Bridge } from '@shared/bridge/contract';
import type { ContestId, RoundId } from '@shared/model/types';
import { aScoreEvent } from '../support/builders';

const c1 = 'c1' as ContestId;

function world(failAfter = Infinity) {
  const store = openJournalStore(mkdtempSync(join(tmpdir(), 'gk-bulk-')));
  let calls = 0;
  const bridge = {
    'journal:append': async (id: string, events: never[]) => {
      if (++calls > failAfter)
        return {
          ok: false,
          error: {
            code: 'journalWriteFailed',
            message: 'Không ghi được sổ điểm ra đĩa (đĩa đã đầy).',
          },
        };
      return { ok: true, value: await store.append(id, events) };
    },
    'journal:read': async (id: string) => ({ ok: true, value: await store.read(id) }),
  } as unknown as Bridge;
  return { store, bridge };
}

async function setup(failAfter?: number) {
  const opened = await openDatabase(`db-${Math.random().toString(36).slice(2)}`);
  let n = 0;
  const repos = createRepos(opened, () => `dev${++n}`);
  const { store, bridge } = world(failAfter);
  const saver = createScoreSaver(repos.journal, bridge);
  return { opened, repos, store, bridge, saver };
}

const events = (n: number) =>
  Array.from({ length: n }, (_, i) => aScoreEvent({ entrantId: `e${i}`, steps: i % 20 }));

describe('bulk save, journal first', () => {
  it('12,000 events (two journal chunks): all in the file and in the database, no outbox rows left, progress told in steps', async () => {
    const { opened, repos, store, bridge, saver } = await setup();
    const steps = new Set<string>();
    const r = await saveBulk(c1, events(12_000), { repos, saver, bridge }, (p) =>
      steps.add(p.step),
    );
    expect(r.state).toBe('saved');
    expect(await store.read(c1)).toHaveLength(12_000);
    expect(await repos.journal.events(c1)).toHaveLength(12_000);
    expect(await repos.journal.countOutbox(c1)).toBe(0);
    expect(await repos.journal.scores('r1' as RoundId)).toHaveLength(12_000);
    expect([...steps]).toEqual(['seal', 'journal', 'database']);
    // The chain goes on after the bulk: the next typed value is number 25,001 and the file takes it.
    const next = await repos.journal.record(aScoreEvent({ kind: 'edit', steps: 3 }));
    expect(next.seq).toBe(12_001);
    expect((await store.append(c1, [next])).added).toBe(1);
    opened.db.close();
  }, 60_000);

  it('a journal that fails midway: what it lacks waits in the outbox, and is sent later', async () => {
    const { opened, repos, store, bridge, saver } = await setup(1);
    const r = await saveBulk(c1, events(12_000), { repos, saver, bridge });
    expect(r.state).toBe('localOnly');
    expect(r.message).toContain('đĩa đã đầy');
    expect(await store.read(c1)).toHaveLength(10_000);
    expect(await repos.journal.countOutbox(c1)).toBe(2_000);
    expect(await repos.journal.events(c1)).toHaveLength(12_000);
    opened.db.close();
  }, 60_000);

  it('a crash after the file has the events and before the database does: opening restores them, and the chain continues after them', async () => {
    const { opened, repos, store, bridge, saver } = await setup();
    const { sealed } = await repos.journal.sealBulk(c1, events(3_000));
    await store.append(c1, sealed); // …and the page dies before storeBulk
    const report = await reconcileWithJournal(c1, ['r1' as RoundId], repos, saver, bridge);
    expect(report.restored).toBe(3_000);
    const next = await repos.journal.record(aScoreEvent({ kind: 'edit', steps: 3 }));
    expect(next.seq).toBe(3_001);
    expect(next.prev).toBe(sealed.at(-1)!.hash);
    opened.db.close();
  }, 60_000);

  it('refused when this device recorded something between sealing and storing (its numbers would clash)', async () => {
    const { opened, repos } = await setup();
    const { sealed, after } = await repos.journal.sealBulk(c1, events(10));
    await repos.journal.record(aScoreEvent());
    await expect(repos.journal.storeBulk(c1, sealed, after, sealed.length)).rejects.toThrow(
      /thử lại/,
    );
    expect(await repos.journal.events(c1)).toHaveLength(1);
    opened.db.close();
  });
});
