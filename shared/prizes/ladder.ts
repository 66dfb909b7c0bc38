/**
 * One prize ladder applied to one ranked list (a round, a cluster or a khối): free-text tiers in
 * order, each with a count and/or a threshold; a tier with neither goes to everyone left. Tied
 * entrants are never split: with sharing on (đồng giải) a tied block straddling a tier's end gets
 * the tier and the tier grows, visibly; with sharing off, or where the cap would be exceeded, the
 * block is flagged for the board's decision with its candidate tiers.
 *
 * Not here: scopes, manual overrides and count changes (prizes.ts); side prizes (side.ts).
 */
import type { EntrantId, PrizeTier } from '../model/types';
import { compare, frac } from '../scoring/fraction';
import type { EntrantResult } from '../tally/tally-types';

export interface LadderOptions {
  /** Đồng giải: a tied block at a tier's end shares the tier (default in Round.shareTies). */
  readonly share: boolean;
  /** At most this many entrants get any tier (null = no cap). */
  readonly capCount: number | null;
}

export interface TierOutcome {
  readonly name: string;
  readonly nominalCount: number | null;
  readonly thresholdCp: number | null;
  readonly awarded: number;
  /** Awarded more than its count because tied entrants shared it. */
  readonly grown: boolean;
  /** Awarded fewer than its count because of the cap. */
  readonly capped: boolean;
}

export type LadderStatus = 'awarded' | 'shared' | 'pendingTie' | 'none' | 'overCap' | 'unranked';

export interface LadderRow {
  readonly entrantId: EntrantId;
  readonly rank: number | null;
  readonly tier: string | null;
  readonly tierIndex: number | null;
  readonly status: LadderStatus;
  /** For a pending tie: the tiers its places span (null = no prize). */
  readonly candidates: readonly (string | null)[];
  readonly notes: readonly string[];
}

export interface BoundaryTie {
  readonly entrantIds: readonly EntrantId[];
  readonly candidates: readonly (string | null)[];
  readonly message: string;
}

export interface LadderOutcome {
  readonly rows: readonly LadderRow[];
  readonly tiers: readonly TierOutcome[];
  readonly ties: readonly BoundaryTie[];
}

const meets = (r: EntrantResult, thresholdCp: number): boolean =>
  r.standardisedCp !== null
    ? r.standardisedCp >= thresholdCp
    : r.result !== null && compare(r.result, frac(thresholdCp)) >= 0;

/** `ranked`: the scope's results in rank order (ranked first, as rankResults returns them). */
export function applyLadder(
  ranked: readonly EntrantResult[],
  tiers: readonly PrizeTier[],
  opts: LadderOptions,
): LadderOutcome {
  const cap = opts.capCount ?? Infinity;
  const awarded = tiers.map(() => 0);
  const rows: LadderRow[] = [];
  const ties: BoundaryTie[] = [];
  const blocks: EntrantResult[][] = [];
  for (const r of ranked) {
    if (r.rank === null) continue;
    const last = blocks[blocks.length - 1];
    if (last && last[0].rank === r.rank) last.push(r);
    else blocks.push([r]);
  }
  // A threshold tier without a count, or a tier with neither, takes everyone it can.
  const countOf = (i: number) => tiers[i].count ?? Infinity;
  let capHit = false;
  let ti = 0;
  let tierStart = 0;
  let pos = 0;
  const push = (
    r: EntrantResult,
    tierIndex: number | null,
    status: LadderStatus,
    notes: string[],
    candidates: (string | null)[] = [],
  ) =>
    rows.push({
      entrantId: r.entrant.id,
      rank: r.rank,
      tier: tierIndex === null ? null : tiers[tierIndex].name,
      tierIndex,
      status,
      candidates,
      notes,
    });

  for (const block of blocks) {
    const L = block.length;
    // Move past full tiers and threshold tiers this block does not reach.
    while (ti < tiers.length) {
      const end = tierStart + countOf(ti);
      const t = tiers[ti];
      if (pos >= end) {
        ti++;
        tierStart = end;
        continue;
      }
      if (t.thresholdCp !== undefined && !meets(block[0], t.thresholdCp)) {
        ti++;
        tierStart = pos;
        continue;
      }
      break;
    }
    if (ti >= tiers.length) {
      for (const r of block) push(r, null, 'none', []);
      pos += L;
      continue;
    }
    if (pos >= cap) {
      capHit = true;
      for (const r of block)
        push(r, null, 'overCap', [`Vượt giới hạn số giải (${opts.capCount}): không xét giải.`]);
      pos += L;
      continue;
    }
    const end = tierStart + countOf(ti);
    const limit = Math.min(end, cap);
    if (pos + L <= limit) {
      for (const r of block) push(r, ti, 'awarded', []);
      awarded[ti] += L;
      pos += L;
    } else if (opts.share && pos + L <= cap) {
      const note = `Đồng giải: ${L} đội/mô hình bằng điểm cùng nhận ${tiers[ti].name}; số giải tăng từ ${countOf(ti)} lên ${awarded[ti] + L}.`;
      for (const r of block) push(r, ti, 'shared', [note]);
      awarded[ti] += L;
      pos += L;
      // The grown tier closes here; the next tier keeps its own count.
      tierStart = pos - countOf(ti);
    } else {
      const candidates: (string | null)[] = [tiers[ti].name];
      let s = end;
      for (let k = ti + 1; k < tiers.length && s < pos + L && s < cap; k++) {
        candidates.push(tiers[k].name);
        s += countOf(k);
      }
      if (cap < pos + L) capHit = true;
      if (s < pos + L || cap < pos + L) candidates.push(null);
      const names = candidates.map((c) => c ?? 'không có giải').join(' / ');
      const slots = Math.min(limit, pos + L) - pos;
      const message = `${L} đội/mô hình bằng điểm ở ranh giới ${names} (${slots} suất ${tiers[ti].name}): chờ Ban Giám khảo quyết định.`;
      for (const r of block) push(r, null, 'pendingTie', [message], candidates);
      ties.push({ entrantIds: block.map((r) => r.entrant.id), candidates, message });
      pos += L;
    }
  }
  for (const r of ranked)
    if (r.rank === null) push(r, null, 'unranked', ['Chưa đủ điểm: chưa xét giải.']);
  const tierOutcomes = tiers.map((t, i): TierOutcome => ({
    name: t.name,
    nominalCount: t.count ?? null,
    thresholdCp: t.thresholdCp ?? null,
    awarded: awarded[i],
    grown: t.count !== undefined && awarded[i] > t.count,
    capped: t.count !== undefined && awarded[i] < t.count && capHit,
  }));
  return { rows, tiers: tierOutcomes, ties };
}
