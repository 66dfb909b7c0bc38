/**
 * Pure helpers for the renderer's outbox: which events still have to reach the journal file, in
 * which batches, and what a device's next event is numbered and chained to.
 *
 * Why batches follow (deviceId, seq) order without gaps: the journal store refuses an event whose
 * predecessor on the same device is not stored yet, so sending seq 7 before seq 6 would fail.
 *
 * Not here: IndexedDB, the bridge, retries and timing (renderer/src/journal).
 */
import { GENESIS, seal, type JournalEvent, type UnsealedEvent } from './event';
import { compareEvents, refOf, type EventRef } from './ref';

/** Events not yet acknowledged as on disk, deduplicated, in (deviceId, seq) order. */
export function unsent(
  local: readonly JournalEvent[],
  acked: Iterable<EventRef | string>,
): JournalEvent[] {
  const done = new Set<string>();
  for (const a of acked) done.add(typeof a === 'string' ? a : refOf(a));
  const seen = new Set<string>();
  const out: JournalEvent[] = [];
  for (const e of local) {
    const r = refOf(e);
    if (done.has(r) || seen.has(r)) continue;
    seen.add(r);
    out.push(e);
  }
  return out.sort(compareEvents);
}

/**
 * The next batch to send: the first `max` unsent events in (deviceId, seq) order. A device's events
 * stay in order across batches, which is all the store needs; whether the first one links to what the
 * file already holds only the store knows, and it says so in its refusal.
 */
export function nextBatch(pending: readonly JournalEvent[], max = 1000): JournalEvent[] {
  return [...pending].sort(compareEvents).slice(0, max);
}

/** Acknowledged set after the store answered ok for `sent` (it stores all of a batch or none). */
export function afterAck(acked: ReadonlySet<string>, sent: readonly JournalEvent[]): Set<string> {
  const next = new Set(acked);
  for (const e of sent) next.add(refOf(e));
  return next;
}

/** Number and chain link of a device's next event, from its last one (null: the device's first). */
export function nextLink(last: Pick<JournalEvent, 'seq' | 'hash'> | null | undefined): {
  readonly seq: number;
  readonly prev: string;
} {
  return last ? { seq: last.seq + 1, prev: last.hash } : { seq: 1, prev: GENESIS };
}

/** The last event a device made among `events` (its highest seq), or null. */
export function lastOf(events: readonly JournalEvent[], deviceId: string): JournalEvent | null {
  let last: JournalEvent | null = null;
  for (const e of events) if (e.deviceId === deviceId && (!last || e.seq > last.seq)) last = e;
  return last;
}

/** Seal `e` as the device's next event after `last`. */
export function sealNext(
  e: UnsealedEvent,
  deviceId: string,
  last: JournalEvent | null | undefined,
): JournalEvent {
  if (last && last.deviceId !== deviceId)
    throw new Error(`last event belongs to device ${last.deviceId}, not ${deviceId}`);
  const { seq, prev } = nextLink(last);
  return seal(e, deviceId, seq, prev);
}
