/**
 * Who goes from a preliminary to the final: the best N of each cluster, then the best of the rest
 * across clusters (wildcards, or filling up to K overall), never cutting a tie at the line — such a
 * tie is listed for the board's decision. Decisions ({entrantId, advance, reason}) are final for the
 * entrant they name. createFinalEntrants() makes the final round's entrant records.
 *
 * Not here: the tally itself (tally.ts); storing decisions (the journal).
 */
import type { Cluster, ClusterId, Entrant, EntrantId, RoundId, TieBreakRule } from '../model/types';
import { cutAt } from './cut';
import type { EntrantResult } from './tally-types';
import { rankResults } from './tie-break';
import { compareVietnamese } from '../text/vietnamese';

export interface AdvancementRule {
  /** Best N of each cluster (0 = none by cluster). */
  readonly perCluster: number;
  /** Total finalists wanted; places left after the clusters go to the best of the rest (0 = none). */
  readonly overall: number;
  /** Extra places for the best of the rest, beside `overall`. */
  readonly wildcards?: number;
}

export interface AdvancementDecision {
  readonly entrantId: EntrantId;
  readonly advance: boolean;
  readonly reason: string;
}

export type AdvanceStatus =
  'qualified' | 'wildcard' | 'decidedIn' | 'decidedOut' | 'tiedAtCut' | 'out' | 'unranked';

export interface AdvanceRow {
  readonly entrant: Entrant;
  /** Rank inside the entrant's cluster (or overall when there are no clusters). */
  readonly rank: number | null;
  readonly status: AdvanceStatus;
  readonly note: string;
}

export interface CutTie {
  readonly scope: 'cluster' | 'overall';
  readonly clusterId: ClusterId | null;
  readonly entrantIds: readonly EntrantId[];
  readonly slots: number;
  readonly message: string;
}

export interface AdvancementOutcome {
  readonly rows: readonly AdvanceRow[];
  /** In final-round order: cluster qualifiers by cluster, then the rest by overall rank, then decisions. */
  readonly qualified: readonly Entrant[];
  /** Ties at the line still waiting for a decision. */
  readonly cutTies: readonly CutTie[];
  readonly issues: readonly {
    readonly code: 'reasonMissing' | 'tieBeforeWildcards' | 'tieOversubscribed';
    readonly message: string;
    readonly entrantId?: EntrantId;
  }[];
}

export interface AdvancementOptions {
  readonly tieBreak?: readonly TieBreakRule[];
  readonly decisions?: readonly AdvancementDecision[];
  /** Cluster order for listing (and naming clusters in messages). */
  readonly clusters?: readonly Cluster[];
}

export function advancement(
  results: readonly EntrantResult[],
  rule: AdvancementRule,
  opts: AdvancementOptions = {},
): AdvancementOutcome {
  const rules = opts.tieBreak ?? [];
  const issues: AdvancementOutcome['issues'][number][] = [];
  const decisions = new Map<EntrantId, AdvancementDecision>();
  for (const d of opts.decisions ?? []) {
    if (d.reason.trim() === '')
      issues.push({
        code: 'reasonMissing',
        entrantId: d.entrantId,
        message: 'Quyết định cho vào/không vào chung khảo cần ghi rõ lý do.',
      });
    else decisions.set(d.entrantId, d);
  }
  const clusterName = (id: ClusterId | null) =>
    opts.clusters?.find((c) => c.id === id)?.name ?? 'cụm';
  const clusterOrder = (id: ClusterId | null) =>
    opts.clusters?.find((c) => c.id === id)?.order ?? 0;
  const status = new Map<
    EntrantId,
    { rank: number | null; status: AdvanceStatus; note: string; stage: number; pos: number }
  >();
  const ties: CutTie[] = [];
  const set = (r: EntrantResult, s: AdvanceStatus, note: string, stage = 9, pos = 0) =>
    status.set(r.entrant.id, { rank: r.rank, status: s, note, stage, pos });

  let qualifiedCount = 0;
  let candidates: EntrantResult[];
  if (rule.perCluster > 0) {
    candidates = [];
    const byCluster = new Map<ClusterId | null, EntrantResult[]>();
    for (const r of results)
      (
        byCluster.get(r.entrant.clusterId) ??
        byCluster.set(r.entrant.clusterId, []).get(r.entrant.clusterId)!
      ).push(r);
    const clusterIds = [...byCluster.keys()].sort(
      (a, b) => clusterOrder(a) - clusterOrder(b) || compareVietnamese(String(a), String(b)),
    );
    for (const cid of clusterIds) {
      const ranked = rankResults(byCluster.get(cid)!, rules);
      const rankable = ranked.filter((r) => r.rank !== null);
      const cut = cutAt(rankable, (r) => r.rank!, rule.perCluster);
      cut.inside.forEach((r, i) =>
        set(r, 'qualified', `Hạng ${r.rank} ${clusterName(cid)}`, 1, clusterOrder(cid) * 1e6 + i),
      );
      qualifiedCount += cut.inside.length;
      for (const r of cut.tiedAtCut)
        set(
          r,
          'tiedAtCut',
          `Bằng điểm ở ranh giới vào chung khảo (${clusterName(cid)}): chờ Ban Giám khảo quyết định.`,
        );
      if (cut.tiedAtCut.length) {
        ties.push({
          scope: 'cluster',
          clusterId: cid,
          entrantIds: cut.tiedAtCut.map((r) => r.entrant.id),
          slots: cut.slotsLeft,
          message: `${clusterName(cid)}: ${cut.tiedAtCut.length} đội bằng điểm tranh ${cut.slotsLeft} suất vào chung khảo.`,
        });
      }
      for (const r of cut.outside) set(r, 'out', `Hạng ${r.rank} ${clusterName(cid)}`);
      for (const r of ranked)
        if (r.rank === null) set(r, 'unranked', 'Chưa có kết quả: không xét vào chung khảo.');
      candidates.push(...cut.outside);
    }
  } else {
    candidates = results.filter((r) => r.status === 'ranked');
    for (const r of results)
      if (r.status !== 'ranked') set(r, 'unranked', 'Chưa có kết quả: không xét vào chung khảo.');
  }

  const restSlots =
    Math.max(0, rule.overall - qualifiedCount - ties.reduce((s, t) => s + t.slots, 0)) +
    (rule.wildcards ?? 0);
  // A decision is final for its entrant, so decided entrants do not compete for the remaining places.
  candidates = candidates.filter((r) => !decisions.has(r.entrant.id));
  if (restSlots > 0) {
    if (ties.length)
      issues.push({
        code: 'tieBeforeWildcards',
        message:
          'Còn trường hợp bằng điểm ở cụm chưa quyết định; các suất còn lại được xét trong số đội còn lại, chưa tính các đội đang chờ quyết định.',
      });
    const ranked = rankResults(candidates, rules);
    const cut = cutAt(ranked, (r) => r.rank!, restSlots);
    const kind: AdvanceStatus = rule.perCluster > 0 ? 'wildcard' : 'qualified';
    cut.inside.forEach((r, i) =>
      set(
        r,
        kind,
        kind === 'wildcard'
          ? `Suất xét thêm: hạng ${r.rank} trong các đội còn lại`
          : `Hạng ${r.rank} toàn vòng`,
        2,
        i,
      ),
    );
    for (const r of cut.tiedAtCut)
      set(r, 'tiedAtCut', 'Bằng điểm ở ranh giới các suất còn lại: chờ Ban Giám khảo quyết định.');
    if (cut.tiedAtCut.length) {
      ties.push({
        scope: 'overall',
        clusterId: null,
        entrantIds: cut.tiedAtCut.map((r) => r.entrant.id),
        slots: cut.slotsLeft,
        message: `${cut.tiedAtCut.length} đội bằng điểm tranh ${cut.slotsLeft} suất còn lại.`,
      });
    }
    if (rule.perCluster === 0)
      for (const r of cut.outside) set(r, 'out', `Hạng ${r.rank} toàn vòng`);
  }

  let decidedPos = 0;
  for (const r of results) {
    const d = decisions.get(r.entrant.id);
    if (d)
      set(
        r,
        d.advance ? 'decidedIn' : 'decidedOut',
        `Quyết định của Ban Giám khảo: ${d.advance ? 'vào' : 'không vào'} chung khảo — ${d.reason.trim()}`,
        3,
        decidedPos++,
      );
  }
  const openTies = ties.filter((t) => t.entrantIds.some((id) => !decisions.has(id)));
  for (const t of ties) {
    const taken = t.entrantIds.filter((id) => decisions.get(id)?.advance).length;
    if (taken > t.slots)
      issues.push({
        code: 'tieOversubscribed',
        message: `${t.message} Đã quyết định cho ${taken} đội vào (nhiều hơn số suất).`,
      });
  }

  const rows: AdvanceRow[] = results.map((r) => {
    const s = status.get(r.entrant.id) ?? {
      rank: r.rank,
      status: 'out' as const,
      note: '',
      stage: 9,
      pos: 0,
    };
    return { entrant: r.entrant, rank: s.rank, status: s.status, note: s.note };
  });
  const isIn = (s: AdvanceStatus) => s === 'qualified' || s === 'wildcard' || s === 'decidedIn';
  const qualified = results
    .filter((r) => isIn(status.get(r.entrant.id)?.status ?? 'out'))
    .sort((a, b) => {
      const x = status.get(a.entrant.id)!;
      const y = status.get(b.entrant.id)!;
      return x.stage - y.stage || x.pos - y.pos;
    })
    .map((r) => r.entrant);
  return { rows, qualified, cutTies: openTies, issues };
}

/** The final round's entrants: new ids from `newId`, linked back through sourceEntrantId. */
export function createFinalEntrants(
  qualified: readonly Entrant[],
  finalRoundId: RoundId,
  newId: () => string,
): Entrant[] {
  return qualified.map((e, i) => ({
    ...e,
    id: newId() as Entrant['id'],
    roundId: finalRoundId,
    clusterId: null,
    sourceEntrantId: e.id,
    order: i,
  }));
}
