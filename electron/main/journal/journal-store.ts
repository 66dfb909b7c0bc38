/**
 * The score journal on disk: `<dataDir>/journals/<contestId>.jsonl`, one canonical JSON event per
 * line, appended and never rewritten. The renderer's IndexedDB must never hold the only copy of a
 * confirmed score (see reliability.md); this file is the second copy, and a score is "saved" only
 * after append() resolved, which is after the lines were fsynced.
 *
 * Append rules: calls for one contest run one at a time (a promise queue); every event is checked
 * (format, contest, its own hash); an event already stored is a no-op; a different event with a key
 * already stored, or one that does not continue its device's chain (gap or wrong prev), refuses the
 * whole batch and writes nothing. A batch may carry several events of a device in a row (catch-up).
 *
 * Crash safety: a line cut off by a crash (no final '\n') is ignored on read, reported by verify,
 * and cut away before the next append so the file stays valid. If a write or fsync fails, what this
 * append wrote is cut away again (best effort) and the index is reloaded from disk next time, so a
 * batch is either wholly acknowledged or not at all.
 *
 * Not here: what events mean (shared/journal/projection.ts), the line checks (shared/journal/verify.ts).
 */
import { hash as nodeHash } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppendAck, JournalCheck } from '../../../shared/bridge/contract';
import {
  canonicalJson,
  chainHead,
  GENESIS,
  isJournalEventShape,
  journalEventSchema,
  type JournalEvent,
} from '../../../shared/journal/event';
import { compareEvents, refOf } from '../../../shared/journal/ref';
import { isSetupSide } from '../../../shared/journal/setup-event';
import { verifyText, type LineCheck } from '../../../shared/journal/verify';
import { describeFileError } from '../files/file-errors';
import { UserFacingError } from '../handlers/context';

export interface JournalStore {
  append(contestId: string, events: readonly JournalEvent[]): Promise<AppendAck>;
  read(contestId: string): Promise<JournalEvent[]>;
  verify(contestId: string): Promise<JournalCheck>;
  /** read() and verify() from one reading of the file (the full check), for "Kiểm tra bản in". */
  inspect(contestId: string): Promise<{ events: JournalEvent[]; check: JournalCheck }>;
  /** The setup, decision and lock events on disk (kept in memory: they are few), for the setup copy. */
  setupEvents(contestId: string): Promise<JournalEvent[]>;
  /** chainHead of what the file holds, from the index. */
  head(contestId: string): Promise<string>;
}

/** What append needs to know about a file without reading it again. */
interface Index {
  /** deviceId → its stored hashes by seq, and the highest seq stored (a Map, not an array: a damaged
   *  or forged line may carry any seq up to 2^53, and a hole where a line was damaged is just absent). */
  readonly chains: Map<string, Chain>;
  /** Bytes of complete lines; anything after is a torn tail. */
  validBytes: number;
  torn: boolean;
  /** The file's size when the index last matched it: any other size means someone else changed the file. */
  fileBytes: number;
  exists: boolean;
  /** Setup, decision and lock events, in file order. */
  readonly setup: JournalEvent[];
}

interface Chain {
  readonly hashes: Map<number, string>;
  last: number;
}

interface Slot {
  queue: Promise<unknown>;
  index: Index | null;
}

const CONTEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Same result as event.ts sha256Hex, natively: ~10× faster, which matters when rebuilding 100k events. */
const sha256Hex = (text: string): string => nodeHash('sha256', text, 'hex');

const stores = new Map<string, JournalStore>();

/** One store per data folder, so every caller shares the same queues and indexes. */
export function journalStoreFor(dataDir: string): JournalStore {
  const key = resolve(dataDir);
  let store = stores.get(key);
  if (!store) stores.set(key, (store = openJournalStore(key)));
  return store;
}

export function journalPath(dataDir: string, contestId: string): string {
  return join(dataDir, 'journals', `${contestId}.jsonl`);
}

/**
 * A store with its own queues and indexes. Use journalStoreFor in the app; two stores on one folder
 * would not serialise against each other. Tests use this to play "the app restarted".
 */
export function openJournalStore(dataDir: string): JournalStore {
  const slots = new Map<string, Slot>();

  function serial<T>(contestId: string, job: (slot: Slot) => Promise<T>): Promise<T> {
    if (!CONTEST_ID.test(contestId))
      return Promise.reject(new UserFacingError('badArguments', 'Mã cuộc thi không hợp lệ.'));
    let slot = slots.get(contestId);
    if (!slot) slots.set(contestId, (slot = { queue: Promise.resolve(), index: null }));
    const s = slot;
    const run = s.queue.then(() => job(s));
    s.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Loaded once per contest (quick mode), then kept up to date by every append — and loaded again
   * when the file's size is not what this store left it at (cut, deleted or replaced behind the
   * app's back), so a later append is checked against what the file really holds and the renderer
   * is told what to send again, instead of leaving a gap in the file.
   */
  async function indexOf(contestId: string, slot: Slot): Promise<Index> {
    const path = journalPath(dataDir, contestId);
    if (slot.index) {
      const size = await stat(path).then(
        (st) => st.size,
        () => -1,
      );
      if (size !== (slot.index.exists ? slot.index.fileBytes : -1)) slot.index = null;
    }
    slot.index ??= (await load(path, contestId, false)).index;
    return slot.index;
  }

  return {
    append: (contestId, events) =>
      serial(contestId, async (slot) => {
        checkEvents(contestId, events);
        const index = await indexOf(contestId, slot);
        const { fresh, stored } = plan(index, events);
        if (fresh.length > 0) await write(journalPath(dataDir, contestId), index, slot, fresh);
        return { stored, added: fresh.length, head: headOf(index) };
      }),

    read: (contestId) =>
      serial(contestId, async (slot) => {
        const { events, index } = await load(journalPath(dataDir, contestId), contestId, false);
        slot.index = index; // a fresh look at the file costs nothing extra here
        return events;
      }),

    head: (contestId) => serial(contestId, async (slot) => headOf(await indexOf(contestId, slot))),

    setupEvents: (contestId) =>
      serial(contestId, async (slot) => [...(await indexOf(contestId, slot)).setup]),

    verify: (contestId) =>
      serial(contestId, async () => {
        const { check } = await load(journalPath(dataDir, contestId), contestId, true);
        return { ok: check.ok, events: check.events, firstBad: check.firstBad, head: check.head };
      }),

    inspect: (contestId) =>
      serial(contestId, async (slot) => {
        const { check, events, index } = await load(
          journalPath(dataDir, contestId),
          contestId,
          true,
        );
        slot.index = index;
        return {
          events,
          check: { ok: check.ok, events: check.events, firstBad: check.firstBad, head: check.head },
        };
      }),
  };
}

/**
 * Read and check the whole file (strict: the full "Kiểm tra toàn vẹn"; otherwise verify.ts's quick
 * mode, for read and the index). `events` are the intact ones, each once, in file order.
 */
async function load(
  path: string,
  contestId: string,
  strict: boolean,
): Promise<{ check: LineCheck; index: Index; events: JournalEvent[] }> {
  let bytes: Buffer;
  let exists = true;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fileError('read', err);
    bytes = Buffer.alloc(0);
    exists = false;
  }
  const { text, undecodable } = decode(bytes);
  const check = verifyText(text, { contestId, sha256Hex, undecodable, strict });
  const chains = new Map<string, Chain>();
  const events: JournalEvent[] = [];
  const setup: JournalEvent[] = [];
  for (const e of check.valid) {
    const chain = chainOf(chains, e.deviceId);
    const had = chain.hashes.get(e.seq);
    if (had === e.hash) continue; // a line copied twice (verify reports it): the event once
    if (had === undefined) chain.hashes.set(e.seq, e.hash); // for a fork, the first line holds the key
    chain.last = Math.max(chain.last, e.seq);
    events.push(e);
    if (isSetupSide(e)) setup.push(e);
  }
  const validBytes = bytes.lastIndexOf(0x0a) + 1;
  return {
    check,
    index: {
      chains,
      validBytes,
      torn: bytes.length > validBytes,
      fileBytes: bytes.length,
      exists,
      setup,
    },
    events,
  };
}

/** UTF-8 text of the file; lines whose bytes are not valid UTF-8 are named so verify reports them. */
function decode(bytes: Buffer): { text: string; undecodable: Set<number> } {
  const undecodable = new Set<number>();
  try {
    // ignoreBOM: a BOM is not part of any canonical line, so it must stay visible and be reported.
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      undecodable,
    };
  } catch {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let start = 0;
    for (let line = 0; start <= bytes.length; line++) {
      const nl = bytes.indexOf(0x0a, start);
      const end = nl < 0 ? bytes.length : nl;
      try {
        strict.decode(bytes.subarray(start, end));
      } catch {
        undecodable.add(line);
      }
      if (nl < 0) break;
      start = nl + 1;
    }
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), undecodable };
  }
}

function checkEvents(contestId: string, events: readonly JournalEvent[]): void {
  for (const e of events) {
    // The hand-written shape check accepts exactly what the schema does (tested) at a tenth of the
    // cost — a bulk load sends 94,050 events; the schema runs only to word a refusal.
    if (!isJournalEventShape(e)) {
      const issue = journalEventSchema.safeParse(e).error?.issues[0];
      throw new UserFacingError(
        'badEvent',
        `Sự kiện ${describe(e)} sai định dạng: ${issue?.message ?? ''}. Không ghi gì.`,
      );
    }
    if (e.contestId !== contestId)
      throw new UserFacingError(
        'badEvent',
        `Sự kiện ${refOf(e)} thuộc cuộc thi khác (“${e.contestId}”). Không ghi gì.`,
      );
    const { hash: _h, ...rest } = e;
    if (sha256Hex(canonicalJson(rest)) !== e.hash)
      throw new UserFacingError(
        'badEvent',
        `Sự kiện ${refOf(e)} có mã băm không khớp nội dung — đã bị sửa trên đường truyền. Không ghi gì.`,
      );
  }
}

const describe = (e: unknown): string => {
  const x = e as Partial<JournalEvent> | null;
  return x && typeof x.deviceId === 'string' && typeof x.seq === 'number'
    ? refOf(x as JournalEvent)
    : '(không rõ)';
};

/** Which events are new, in chain order; throws (nothing written) when one cannot be accepted. */
function plan(
  index: Index,
  events: readonly JournalEvent[],
): { fresh: JournalEvent[]; stored: number } {
  const inBatch = new Map<string, string>();
  const heads = new Map<string, { seq: number; hash: string | undefined }>(); // device → last in file or batch
  const headOfDevice = (d: string) => {
    const h = heads.get(d);
    if (h) return h;
    const chain = index.chains.get(d);
    return chain
      ? { seq: chain.last, hash: chain.hashes.get(chain.last) }
      : { seq: 0, hash: GENESIS };
  };
  const fresh: JournalEvent[] = [];
  for (const e of [...events].sort(compareEvents)) {
    const ref = refOf(e);
    const twin = inBatch.get(ref);
    if (twin !== undefined) {
      if (twin === e.hash) continue;
      throw new UserFacingError(
        'journalFork',
        `Gói gửi lên có hai sự kiện khác nhau cùng số ${ref}. Không ghi gì.`,
      );
    }
    inBatch.set(ref, e.hash);
    const had = index.chains.get(e.deviceId)?.hashes.get(e.seq);
    if (had !== undefined) {
      if (had === e.hash) continue; // already on disk: a resend after a lost answer
      throw new UserFacingError(
        'journalFork',
        `Sổ điểm đã có một sự kiện khác mang số ${ref}. Máy “${e.deviceId}” có thể đã bị khôi phục từ bản cũ hoặc dữ liệu bị sửa; không ghi gì — cần người kiểm tra.`,
      );
    }
    const head = headOfDevice(e.deviceId);
    if (e.seq <= head.seq || head.hash === undefined) {
      throw new UserFacingError(
        'journalDamaged',
        `Sổ điểm của máy “${e.deviceId}” bị hỏng quanh số ${e.seq}; hãy chạy “Kiểm tra toàn vẹn”. Không ghi gì.`,
      );
    }
    if (e.seq > head.seq + 1) {
      throw new UserFacingError(
        'journalGap',
        `Thiếu các sự kiện số ${head.seq + 1}–${e.seq - 1} của máy “${e.deviceId}” trước ${ref}; cần gửi từ số ${head.seq + 1}. Không ghi gì.`,
      );
    }
    if (e.prev !== head.hash) {
      throw new UserFacingError(
        'journalFork',
        `Sự kiện ${ref} không nối tiếp sự kiện số ${head.seq} đã lưu của máy “${e.deviceId}” (chuỗi bị rẽ nhánh). Không ghi gì — cần người kiểm tra.`,
      );
    }
    heads.set(e.deviceId, { seq: e.seq, hash: e.hash });
    fresh.push(e);
  }
  return { fresh, stored: inBatch.size };
}

/** Append the lines and fsync; on failure cut back to what was there and forget the index. */
async function write(
  path: string,
  index: Index,
  slot: Slot,
  fresh: readonly JournalEvent[],
): Promise<void> {
  const data = Buffer.from(fresh.map((e) => `${canonicalJson(e)}\n`).join(''), 'utf8');
  const before = index.validBytes;
  let touched = false;
  try {
    if (!index.exists) await mkdir(join(path, '..'), { recursive: true });
    if (index.torn) {
      touched = true;
      await cutTo(path, before); // a crash left half a line: remove it so the file stays valid
      index.torn = false;
    }
    const fh = await open(path, 'a');
    try {
      touched = true;
      for (let off = 0; off < data.length;)
        off += (await fh.write(data, off, data.length - off)).bytesWritten;
      await fh.datasync();
    } finally {
      await fh.close();
    }
    if (!index.exists) await syncDir(join(path, '..')); // the new file's name must survive a power cut too
  } catch (err) {
    slot.index = null;
    if (touched) await cutTo(path, before).catch(() => undefined);
    throw fileError('write', err);
  }
  index.exists = true;
  index.validBytes = before + data.length;
  index.fileBytes = index.validBytes;
  for (const e of fresh) {
    const chain = chainOf(index.chains, e.deviceId);
    chain.hashes.set(e.seq, e.hash);
    chain.last = Math.max(chain.last, e.seq);
    if (isSetupSide(e)) index.setup.push(e);
  }
}

async function cutTo(path: string, bytes: number): Promise<void> {
  const fh = await open(path, 'r+');
  try {
    await fh.truncate(bytes);
    await fh.datasync();
  } finally {
    await fh.close();
  }
}

/** fsync a folder so a new entry in it is durable. Not possible on Windows (EPERM/EISDIR): skip there. */
async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // best effort by design
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

function chainOf(chains: Map<string, Chain>, deviceId: string): Chain {
  let chain = chains.get(deviceId);
  if (!chain) chains.set(deviceId, (chain = { hashes: new Map(), last: 0 }));
  return chain;
}

function headOf(index: Index): string {
  const heads: { deviceId: string; seq: number; hash: string }[] = [];
  for (const [deviceId, chain] of index.chains)
    heads.push({ deviceId, seq: chain.last, hash: chain.hashes.get(chain.last)! });
  return chainHead(heads);
}

function fileError(what: 'read' | 'write', err: unknown): UserFacingError {
  if (err instanceof UserFacingError) return err;
  const why = describeFileError(err);
  return what === 'write'
    ? new UserFacingError(
        'journalWriteFailed',
        `Không ghi được sổ điểm ra đĩa (${why}). Điểm vẫn được giữ trên máy nhập và sẽ được ghi lại khi sửa xong.`,
      )
    : new UserFacingError('journalReadFailed', `Không đọc được sổ điểm trên đĩa (${why}).`);
}
