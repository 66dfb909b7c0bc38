/**
 * The one rule for "which events of a register are current", shared by every projection of the
 * journal (score cells, sheets, secretary's values, setup records): within a device the higher seq
 * wins; across devices an event is superseded only when another event of the register names it (or
 * a later event of its device) in `settles` — "made after seeing it". Timestamps decide nothing.
 * What is left is the frontier; one value on it is the register's value, several are a conflict.
 *
 * Not here: what a register is or what its values mean (projection.ts, setup-projection.ts).
 */
import type { JournalEvent } from './event';
import { compareText, parseRef, refOf } from './ref';

export interface Entry<V = unknown> {
  readonly e: JournalEvent;
  readonly value: V;
}

/** When agreed, `from` is the frontier event with the smallest ref: a stable pick among equal values. */
export type Settled<X extends Entry> =
  | { readonly agreed: true; readonly value: X['value']; readonly from: X }
  | { readonly agreed: false; readonly frontier: readonly X[] };

/** Highest seq each device has "seen" of other devices, by the settles of these entries. */
function seenByEntries(entries: readonly Entry[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const { e } of entries) {
    for (const text of e.settles ?? []) {
      const r = parseRef(text);
      if (r && r.deviceId !== e.deviceId && (seen.get(r.deviceId) ?? 0) < r.seq)
        seen.set(r.deviceId, r.seq);
    }
  }
  return seen;
}

/** The entries no other entry supersedes (see the header), in ref order. */
export function frontierOf<X extends Entry>(entries: readonly X[]): X[] {
  if (entries.length === 1) return [entries[0]]; // the common case, and rebuilds touch ~100k registers
  const heads = new Map<string, X>();
  for (const x of entries) {
    const h = heads.get(x.e.deviceId);
    if (!h || h.e.seq < x.e.seq) heads.set(x.e.deviceId, x);
  }
  const seen = seenByEntries(entries);
  const frontier = [...heads.values()].filter((h) => h.e.seq > (seen.get(h.e.deviceId) ?? 0));
  // Each head seen by another is impossible in honest use (a cycle of "made after seeing"); keep all
  // heads then, so the disagreement is shown rather than silently settled.
  return (frontier.length ? frontier : [...heads.values()]).sort((a, b) =>
    compareText(refOf(a.e), refOf(b.e)),
  );
}

/** The register's value, or its conflicting frontier. Values are compared with ===. */
export function settle<X extends Entry>(entries: readonly X[]): Settled<X> {
  const frontier = frontierOf(entries);
  const first = frontier[0].value;
  for (const f of frontier) if (f.value !== first) return { agreed: false, frontier };
  return { agreed: true, value: first, from: frontier[0] };
}

/** Did decision `d` see event `p`: same device and later, or named (or a later event of p's device) in settles. */
export function hasSeen(d: JournalEvent, p: JournalEvent): boolean {
  if (d.deviceId === p.deviceId) return d.seq > p.seq;
  return (d.settles ?? []).some((text) => {
    const r = parseRef(text);
    return !!r && r.deviceId === p.deviceId && r.seq >= p.seq;
  });
}
