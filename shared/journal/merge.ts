/**
 * Merging journals from several devices: a set union keyed by (deviceId, seq). Because it is a plain
 * set union it is idempotent, commutative and associative — the same packets merged twice or in any
 * order give the same events, in the same (deviceId, seq, hash) order.
 *
 * Two different events claiming the same (deviceId, seq) — a forked or tampered chain — are both kept
 * in the union (dropping either would make the result depend on which arrived first) and reported as
 * a fork; projection.ts leaves forked keys out of the scores.
 *
 * Not a verifier: inputs are events already checked (verify.ts, the journal store), and an event's
 * identity is its hash.
 */
import type { JournalEvent } from './event';
import { compareEvents, refOf } from './ref';

export interface Fork {
  readonly deviceId: string;
  readonly seq: number;
  /** The different hashes claiming this key, sorted. */
  readonly hashes: readonly string[];
  /** Vietnamese, for the user. */
  readonly message: string;
}

export interface MergeResult {
  /** Distinct events, sorted by (deviceId, seq, hash). */
  readonly events: readonly JournalEvent[];
  readonly forks: readonly Fork[];
}

/** Union of any number of event lists (merge(a, b) is union(a, b)). */
export function union(...lists: readonly (readonly JournalEvent[])[]): MergeResult {
  // Sort, then drop neighbours with the same hash: the same result as a set, without hashing 100k keys.
  const all = lists.length === 1 ? [...lists[0]] : lists.flat();
  all.sort(compareEvents);
  const events: JournalEvent[] = [];
  for (const e of all)
    if (events.length === 0 || events[events.length - 1].hash !== e.hash) events.push(e);
  return { events, forks: findForks(events) };
}

export function merge(a: readonly JournalEvent[], b: readonly JournalEvent[]): MergeResult {
  return union(a, b);
}

/** Keys held by more than one distinct event; `sorted` must be in compareEvents order. */
function findForks(sorted: readonly JournalEvent[]): Fork[] {
  const forks: Fork[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (
      j < sorted.length &&
      sorted[j].deviceId === sorted[i].deviceId &&
      sorted[j].seq === sorted[i].seq
    )
      j++;
    if (j - i > 1) {
      const e = sorted[i];
      forks.push({
        deviceId: e.deviceId,
        seq: e.seq,
        hashes: sorted.slice(i, j).map((x) => x.hash),
        message: `Thiết bị “${e.deviceId}” có ${j - i} sự kiện khác nhau cùng mang số ${e.seq} (${refOf(e)}) — nhật ký bị rẽ nhánh hoặc bị sửa; cần người kiểm tra.`,
      });
    }
    i = j;
  }
  return forks;
}

/** Keys "<deviceId>#<seq>" of the forked events, for callers that must leave them out. */
export function forkedRefs(forks: readonly Fork[]): ReadonlySet<string> {
  return new Set(forks.map(refOf));
}
