/**
 * Prizes for a round: the results are split into ladder scopes (each cluster when prizes are given
 * per cluster, each khối when per group), re-ranked inside each scope with the round's tie-break
 * chain, given the scope's ladder (after the board's count changes), capped, and finally adjusted
 * by manual overrides. Every change needs a reason and is listed; bad changes come back as issues.
 *
 * Not here: the ladder algorithm (ladder.ts); side prizes (side.ts); printing.
 */
import type { Cluster, ClusterId, EntrantId, PrizeTier, Round } from '../model/types';
import { formatCp } from '../scoring/format';
import { compareVietnamese } from '../text/vietnamese';
import type { EntrantResult } from '../tally/tally-types';
import { rankResults } from '../tally/tie-break';
import { applyLadder, type BoundaryTie, type LadderRow, type TierOutcome } from './ladder';

export type PrizeRound = Pick<Round, 'prizes' | 'prizesPerCluster'> &
  Partial<
    Pick<Round, 'tieBreak' | 'shareTies' | 'prizeCapPercent' | 'prizesPerGroup' | 'groupPrizes'>
  >;

/** Manual prize decision for one entrant (tier null = no prize). */
export interface PrizeOverride {
  readonly entrantId: EntrantId;
  readonly tier: string | null;
  readonly reason: string;
}

/** Cân đối cơ cấu giải: a tier's count changed after the tally. scope = PrizeScope.key; absent = every scope. */
export interface CountChange {
  readonly tier: string;
  readonly count: number;
  readonly reason: string;
  readonly scope?: string;
}

export interface PrizeScope {
  /** 'all', 'cluster:<id>', 'group:<name>' or 'cluster:<id>|group:<name>'. */
  readonly key: string;
  readonly title: string;
  readonly clusterId: ClusterId | null;
  readonly group: string | null;
  readonly entrants: number;
  readonly capCount: number | null;
  readonly tiers: readonly TierOutcome[];
  readonly ties: readonly BoundaryTie[];
  /** Count changes applied here, as printed: "Giải Nhì: 2 → 3 (lý do)". */
  readonly adjustments: readonly string[];
}

export interface PrizeRow extends LadderRow {
  readonly scope: string;
  readonly override: { readonly from: string | null; readonly reason: string } | null;
}

export interface PrizeIssue {
  readonly code: 'reasonMissing' | 'unknownTier' | 'badCount' | 'unknownEntrant';
  readonly message: string;
  readonly entrantId?: EntrantId;
}

export interface PrizeOutcome {
  readonly scopes: readonly PrizeScope[];
  readonly rows: readonly PrizeRow[];
  readonly tierOf: ReadonlyMap<EntrantId, string | null>;
  /** Ties still waiting for a decision (not settled by an override). */
  readonly openTies: readonly BoundaryTie[];
  readonly issues: readonly PrizeIssue[];
}

export interface PrizeInput {
  readonly round: PrizeRound;
  readonly results: readonly EntrantResult[];
  readonly clusters?: readonly Cluster[];
  readonly overrides?: readonly PrizeOverride[];
  readonly countChanges?: readonly CountChange[];
}

function scopeOf(
  round: PrizeRound,
  r: EntrantResult,
): { key: string; clusterId: ClusterId | null; group: string | null } {
  const clusterId = round.prizesPerCluster ? r.entrant.clusterId : null;
  const group = round.prizesPerGroup ? r.entrant.group?.trim() || null : null;
  const parts = [clusterId ? `cluster:${clusterId}` : '', group ? `group:${group}` : ''].filter(
    Boolean,
  );
  return { key: parts.length ? parts.join('|') : 'all', clusterId, group };
}

export function awardPrizes(input: PrizeInput): PrizeOutcome {
  const { round } = input;
  const issues: PrizeIssue[] = [];
  const groups = new Map<
    string,
    { clusterId: ClusterId | null; group: string | null; results: EntrantResult[] }
  >();
  for (const r of input.results) {
    const s = scopeOf(round, r);
    (groups.get(s.key) ?? groups.set(s.key, { ...s, results: [] }).get(s.key)!).results.push(r);
  }
  const clusterOrder = (id: ClusterId | null) =>
    input.clusters?.find((c) => c.id === id)?.order ?? 0;
  const keys = [...groups.keys()].sort(
    (a, b) =>
      clusterOrder(groups.get(a)!.clusterId) - clusterOrder(groups.get(b)!.clusterId) ||
      compareVietnamese(a, b),
  );

  const validChanges = (input.countChanges ?? []).filter((c) => {
    if (c.reason.trim() === '')
      issues.push({
        code: 'reasonMissing',
        message: `Thay đổi số lượng ${c.tier} cần ghi rõ lý do.`,
      });
    else if (!Number.isSafeInteger(c.count) || c.count < 0)
      issues.push({ code: 'badCount', message: `Số lượng ${c.tier} phải là số nguyên không âm.` });
    else return true;
    return false;
  });

  const scopes: PrizeScope[] = [];
  const rows: PrizeRow[] = [];
  for (const key of keys) {
    const g = groups.get(key)!;
    const base: readonly PrizeTier[] =
      (g.group && round.groupPrizes?.find((l) => l.group.trim() === g.group)?.prizes) ||
      round.prizes;
    const adjustments: string[] = [];
    const ladder = base.map((t) => {
      const change = validChanges
        .filter((c) => c.tier === t.name && (c.scope === undefined || c.scope === key))
        .pop();
      if (!change) return t;
      adjustments.push(
        `${t.name}: ${t.count ?? 'theo ngưỡng'} → ${change.count} (${change.reason.trim()})`,
      );
      return { ...t, count: change.count };
    });
    for (const c of validChanges) {
      if ((c.scope === undefined || c.scope === key) && !base.some((t) => t.name === c.tier))
        issues.push({
          code: 'unknownTier',
          message: `Không có hạng giải “${c.tier}” trong cơ cấu giải.`,
        });
    }
    const capCount =
      round.prizeCapPercent !== undefined
        ? Math.floor((round.prizeCapPercent * g.results.length) / 100)
        : null;
    const ranked = rankResults(g.results, round.tieBreak ?? []);
    const out = applyLadder(ranked, ladder, { share: round.shareTies ?? true, capCount });
    const title =
      [
        g.clusterId ? (input.clusters?.find((c) => c.id === g.clusterId)?.name ?? 'Cụm') : '',
        g.group ? `Khối ${g.group}` : '',
      ]
        .filter(Boolean)
        .join(' — ') || 'Toàn vòng';
    scopes.push({
      key,
      title,
      clusterId: g.clusterId,
      group: g.group,
      entrants: g.results.length,
      capCount,
      tiers: out.tiers,
      ties: out.ties,
      adjustments,
    });
    for (const row of out.rows) rows.push({ ...row, scope: key, override: null });
  }

  const byEntrant = new Map(rows.map((r, i) => [r.entrantId, i]));
  for (const o of input.overrides ?? []) {
    const i = byEntrant.get(o.entrantId);
    if (i === undefined) {
      issues.push({
        code: 'unknownEntrant',
        entrantId: o.entrantId,
        message: 'Điều chỉnh giải cho đội/mô hình không có trong kết quả.',
      });
      continue;
    }
    if (o.reason.trim() === '') {
      issues.push({
        code: 'reasonMissing',
        entrantId: o.entrantId,
        message: 'Điều chỉnh giải cần ghi rõ lý do.',
      });
      continue;
    }
    const row = rows[i];
    const scope = scopes.find((s) => s.key === row.scope)!;
    const tierIndex = o.tier === null ? -1 : scope.tiers.findIndex((t) => t.name === o.tier);
    if (tierIndex === -1 && o.tier !== null) {
      issues.push({
        code: 'unknownTier',
        entrantId: o.entrantId,
        message: `Không có hạng giải “${o.tier}” trong cơ cấu giải.`,
      });
      continue;
    }
    rows[i] = {
      ...row,
      tier: o.tier,
      tierIndex: tierIndex === -1 ? null : tierIndex,
      status: o.tier === null ? 'none' : 'awarded',
      candidates: [],
      override: { from: row.tier, reason: o.reason.trim() },
      notes: [
        ...row.notes,
        `Điều chỉnh: ${row.tier ?? 'không có giải'} → ${o.tier ?? 'không có giải'}. Lý do: ${o.reason.trim()}`,
      ],
    };
  }
  const decided = new Set(rows.filter((r) => r.override).map((r) => r.entrantId));
  const openTies = scopes
    .flatMap((s) => s.ties)
    .filter((t) => t.entrantIds.some((id) => !decided.has(id)));
  return {
    scopes,
    rows,
    tierOf: new Map(rows.map((r) => [r.entrantId, r.tier])),
    openTies,
    issues,
  };
}

/** Printed under the scoreboard: the ladder, the sharing rule and the cap. */
export function describePrizes(round: PrizeRound): string[] {
  const tier = (t: PrizeTier) =>
    t.count !== undefined && t.thresholdCp !== undefined
      ? `${t.count} ${t.name} (từ ${formatCp(t.thresholdCp)} điểm)`
      : t.count !== undefined
        ? `${t.count} ${t.name}`
        : t.thresholdCp !== undefined
          ? `${t.name}: từ ${formatCp(t.thresholdCp)} điểm`
          : `${t.name}: các đội/mô hình còn lại`;
  const lines = [`Cơ cấu giải: ${round.prizes.map(tier).join('; ')}.`];
  for (const g of round.prizesPerGroup ? (round.groupPrizes ?? []) : [])
    lines.push(`Khối ${g.group}: ${g.prizes.map(tier).join('; ')}.`);
  lines.push(
    (round.shareTies ?? true)
      ? 'Các đội/mô hình bằng điểm ở ranh giới giải được đồng giải (số giải tăng tương ứng).'
      : 'Trường hợp bằng điểm ở ranh giới giải do Ban Giám khảo quyết định.',
  );
  if (round.prizeCapPercent !== undefined)
    lines.push(`Tổng số giải không vượt quá ${round.prizeCapPercent}% số đội/mô hình tham gia.`);
  return lines;
}
