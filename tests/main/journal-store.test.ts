import fc from 'fast-check';
import { appendFile, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  journalPath,
  journalStoreFor,
  openJournalStore,
} from '../../electron/main/journal/journal-store';
import { UserFacingError } from '../../electron/main/handlers/context';
import { canonicalJson, chainHead, seal, type JournalEvent } from '../../shared/journal/event';
import { aDevice, BASE } from '../unit/journal-builders';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gk-journal-'));
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const C = 'c1';
const fileText = () => readFile(journalPath(dir, C), 'utf8');
const fileOf = (events: readonly JournalEvent[]) =>
  events.map((e) => `${canonicalJson(e)}\n`).join('');

async function refusal(p: Promise<unknown>): Promise<UserFacingError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserFacingError);
  return err as UserFacingError;
}

/** FileHandle.prototype, to watch or break datasync. */
async function fileHandleProto(): Promise<{ datasync: () => Promise<void> }> {
  const fh = await open(join(dir, 'probe'), 'w');
  await fh.close();
  return Object.getPrototypeOf(fh);
}

describe('journal store: a file changed behind the app’s back', () => {
  it('finding: a journal that lost confirmed lines took later saves with a gap — now it refuses them and names what to send again', async () => {
    const store = openJournalStore(dir);
    const a = aDevice('A');
    for (let i = 0; i < 6; i++) a.emit({ steps: i });
    await store.append(C, a.events);
    // Someone cuts the last two lines (a sync tool, a restored copy) while the app runs.
    const lines = (await fileText()).split('\n').filter(Boolean);
    await writeFile(
      journalPath(dir, C),
      lines
        .slice(0, 4)
        .map((l) => `${l}\n`)
        .join(''),
    );
    const next = a.emit({ steps: 9 });
    const err = await refusal(store.append(C, [next]));
    expect(err.code).toBe('journalGap');
    expect(err.message).toContain('5–6');
    // Sent again from number 5 (as the renderer's healing does), the chain is whole.
    await store.append(C, a.events.slice(4));
    expect(await store.read(C)).toEqual(a.events);
    expect((await store.verify(C)).ok).toBe(true);
  });

  it('a deleted journal file is noticed at the next append: everything is sent again from number 1', async () => {
    const store = openJournalStore(dir);
    const a = aDevice('A');
    for (let i = 0; i < 3; i++) a.emit({ steps: i });
    await store.append(C, a.events);
    await rm(journalPath(dir, C));
    expect((await refusal(store.append(C, [a.emit({ steps: 7 })]))).code).toBe('journalGap');
    await store.append(C, a.events);
    expect(await store.read(C)).toEqual(a.events);
  });
});

describe('journal store', () => {
  it('append then read: the same events, one canonical line each, and an ack with the chain head', async () => {
    const store = openJournalStore(dir);
    const a = aDevice('A');
    const events = [
      a.emit({ steps: 5 }),
      a.emit({ kind: 'edit', steps: 6, reason: 'Nhập nhầm "5"\nsửa' }),
    ];
    const ack = await store.append(C, events);
    expect(ack).toEqual({ stored: 2, added: 2, head: chainHead(events) });
    expect(await fileText()).toBe(fileOf(events)); // on disk as soon as append resolved (fsynced before)
    expect(await store.read(C)).toEqual(events);
    expect(await openJournalStore(dir).read(C)).toEqual(events); // after a "restart"
    expect(await store.verify(C)).toEqual({
      ok: true,
      events: 2,
      firstBad: null,
      head: chainHead(events),
    });
  });

  it('fsync (datasync) is called before append resolves', async () => {
    const proto = await fileHandleProto();
    const spy = vi.spyOn(proto, 'datasync');
    const store = openJournalStore(dir);
    const a = aDevice('A');
    let synced = -1;
    await store.append(C, [a.emit()]).then(() => (synced = spy.mock.calls.length));
    expect(synced).toBeGreaterThanOrEqual(1);
  });

  it('a missing journal reads as empty and verifies ok', async () => {
    const store = openJournalStore(dir);
    expect(await store.read(C)).toEqual([]);
    expect(await store.verify(C)).toMatchObject({ ok: true, events: 0, firstBad: null });
  });

  it('a duplicate append is a no-op', async () => {
    const store = openJournalStore(dir);
    const a = aDevice('A');
    const events = [a.emit(), a.emit()];
    await store.append(C, events);
    const before = await fileText();
    expect(await store.append(C, [events[1], events[0], events[1]])).toEqual({
      stored: 2,
      added: 0,
      head: chainHead(events),
    });
    expect(await openJournalStore(dir).append(C, events)).toMatchObject({ added: 0 });
    expect(await fileText()).toBe(before);
  });

  it('a fork (another event with a stored key) is refused and the file is unchanged', async () => {
    const store = openJournalStore(dir);
    const a = aDevice('A');
    const e1 = a.emit({ steps: 5 });
    await store.append(C, [e1]);
    const before = await fileText();
    const other = seal({ ...BASE, steps: 9 }, 'A', 1, '');
    const err = await refusal(store.append(C, [other]));
    expect(err.code).toBe('journalFork');
    expect(err.message).toContain('A#1');
    expect(await fileText()).toBe(before);
  });

  it('a batch with one bad event writes nothing at all', async () => {
    const store = openJournalStore(dir);
    const a = aDevice('A');
    const good = a.emit();
    const wrongPrev = seal({ ...BASE, steps: 3 }, 'A', 2, 'f'.repeat(64));
    expect((await refusal(store.append(C, [good, wrongPrev]))).code).toBe('journalFork');
    expect(await store.read(C)).toEqual([]);
  });

  it('a gap is refused; a gap-free catch-up batch in any order is accepted', async () => {
    const store = openJournalStore(dir);
    const a = aDevice('A');
    const [e1, e2, e3, e4] = [a.emit(), a.emit(), a.emit(), a.emit()];
    await store.append(C, [e1]);
    const err = await refusal(store.append(C, [e3]));
    expect(err.code).toBe('journalGap');
    expect(err.message).toContain('số 2–2');
    expect(await store.append(C, [e4, e2, e3])).toMatchObject({ stored: 3, added: 3 });
    expect((await store.verify(C)).ok).toBe(true);
  });

  it('an event with a wrong hash, or of another contest, is refused', async () => {
    const store = openJournalStore(dir);
    const a = aDevice('A');
    const e = a.emit();
    expect((await refusal(store.append(C, [{ ...e, steps: 99 }]))).code).toBe('badEvent');
    expect((await refusal(store.append('c2', [e]))).message).toContain('cuộc thi khác');
    expect((await refusal(store.append('../etc', [e]))).code).toBe('badArguments');
  });

  it('concurrent appends from two devices are serialised: every line intact, every chain valid', async () => {
    const store = journalStoreFor(dir);
    expect(journalStoreFor(join(dir, '.'))).toBe(store);
    const a = aDevice('A');
    const b = aDevice('B');
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      calls.push(store.append(C, [a.emit({ steps: i % 20 })]));
      calls.push(
        store.append(C, [
          b.emit({ judgeId: 'j2', steps: i % 7 }),
          b.emit({ judgeId: 'j2', criterionId: 'k2', steps: 1 }),
        ]),
      );
    }
    await Promise.all(calls);
    const check = await store.verify(C);
    expect(check).toMatchObject({ ok: true, events: 120 });
    expect((await fileText()).split('\n').filter(Boolean)).toHaveLength(120);
  });

  it('a torn last line (crash mid-write) is ignored on read, reported by verify, and cut away by the next append', async () => {
    const a = aDevice('A');
    const [e1, e2, e3] = [a.emit(), a.emit(), a.emit()];
    await openJournalStore(dir).append(C, [e1, e2]);
    await appendFile(journalPath(dir, C), canonicalJson(e3).slice(0, 77)); // the crash
    const store = openJournalStore(dir); // the app restarts
    expect(await store.read(C)).toEqual([e1, e2]);
    const check = await store.verify(C);
    expect(check).toMatchObject({ ok: false, events: 2, firstBad: { line: 2 } });
    expect(check.firstBad?.reason).toContain('cắt dở');
    await store.append(C, [e3]); // the renderer resends what was never acknowledged
    expect(await fileText()).toBe(fileOf([e1, e2, e3]));
    expect(await store.verify(C)).toMatchObject({ ok: true, events: 3 });
  });

  it('a line copied twice: read returns the event once, verify names the copy', async () => {
    const a = aDevice('A');
    const [e1, e2] = [a.emit(), a.emit()];
    await mkdir(join(dir, 'journals'));
    await writeFile(journalPath(dir, C), fileOf([e1, e2, e1]));
    const store = openJournalStore(dir);
    expect(await store.read(C)).toEqual([e1, e2]);
    expect((await store.verify(C)).firstBad?.line).toBe(2);
    expect(await store.append(C, [e1, e2])).toMatchObject({ added: 0 });
  });

  it('a forged line with a huge seq is reported and blocks that device without hanging', async () => {
    const a = aDevice('A');
    const [e1, e2] = [a.emit(), a.emit()];
    const forged = seal({ ...BASE, steps: 1 }, 'A', Number.MAX_SAFE_INTEGER, e1.hash);
    await mkdir(join(dir, 'journals'));
    await writeFile(journalPath(dir, C), fileOf([e1, forged]));
    const store = openJournalStore(dir);
    expect((await store.verify(C)).firstBad).toMatchObject({
      line: 1,
      reason: expect.stringContaining('thiếu mục số 2'),
    });
    expect((await refusal(store.append(C, [e2]))).code).toBe('journalDamaged');
    expect((await store.append(C, [aDevice('B').emit()])).added).toBe(1); // other devices carry on
  });

  it('a failed fsync acknowledges nothing and leaves the file as it was; the retry succeeds', async () => {
    const store = openJournalStore(dir);
    const a = aDevice('A');
    const e1 = a.emit();
    await store.append(C, [e1]);
    const proto = await fileHandleProto();
    vi.spyOn(proto, 'datasync').mockRejectedValueOnce(
      Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }),
    );
    const e2 = a.emit();
    const err = await refusal(store.append(C, [e2]));
    expect(err.code).toBe('journalWriteFailed');
    expect(err.message).toContain('lỗi đọc/ghi của ổ đĩa');
    expect(await fileText()).toBe(fileOf([e1]));
    expect(await store.append(C, [e2])).toMatchObject({ added: 1 });
    expect(await fileText()).toBe(fileOf([e1, e2]));
  });

  it('a full disk is reported in Vietnamese', async () => {
    const store = openJournalStore(dir);
    const proto = await fileHandleProto();
    vi.spyOn(proto, 'datasync').mockRejectedValueOnce(
      Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }),
    );
    expect((await refusal(store.append(C, [aDevice('A').emit()]))).message).toContain('đĩa đã đầy');
  });

  it('every single-byte change in the file is reported by verify at the line holding that byte', async () => {
    const devices = [aDevice('A'), aDevice('máy B'), aDevice('C')];
    const events: JournalEvent[] = [];
    for (let i = 0; i < 12; i++)
      events.push(
        devices[i % 3].emit({
          steps: i,
          by: { role: 'judge', name: 'Lê Hoàng Cường' },
          reason: i % 4 ? null : 'Lý do "đặc biệt"',
        }),
      );
    await openJournalStore(dir).append(C, events);
    const original = await readFile(journalPath(dir, C));
    const lineOfByte: number[] = [];
    for (let i = 0, line = 0; i < original.length; i++) {
      lineOfByte.push(line);
      if (original[i] === 0x0a) line++;
    }
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(original.length - 1),
        fc.integer({ min: 1, max: 255 }),
        async (pos, delta) => {
          const changed = Buffer.from(original);
          changed[pos] = (changed[pos] + delta) % 256;
          await writeFile(journalPath(dir, C), changed);
          const check = await openJournalStore(dir).verify(C);
          tried++;
          expect(check.firstBad?.line).toBe(lineOfByte[pos]);
        },
      ),
      { numRuns: 150 },
    );
    console.log(`journal file byte mutations: ${tried} tried, undetected 0`);
  });
});
