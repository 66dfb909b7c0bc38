/**
 * The outcome funnel of an award round: recognised (pass mark and standard floors) → exemplary (the
 * best X of the recognised) → commended (the best Y of the exemplary), X and Y chosen by the board.
 * Ordering for the two cuts may come from a standardised tally (best-k.ts) so panels compare fairly;
 * a tie at a cut is listed for decision, never cut arbitrarily. Decisions are final for their entrant.
 *
 * Not here: the pass rule itself (pass-mark.ts); printing certificates.
 */
import type { EntrantId, PassMarkRule, TieBreakRule } from '../model/types';
import { cutAt } from '../tally/cut';
import type { EntrantResult } from '../tally/tally-types';
import { rankResults } from '../tally/tie-break';
import { checkPass, type PassCheck } from './pass-mark';

export type FunnelStage = 'none' | 'recognised' | 'exemplary' | 'commended';
type CutStage = 'exemplary' | 'commended';

export interface FunnelDecision {
  readonly entrantId: EntrantId;
  readonly stage: CutStage;
  readonly include: boolean;
  readonly reason: string;
}

export interface FunnelRow {
  readonly entrantId: EntrantId;
  readonly check: PassCheck;
  readonly stage: FunnelStage;
  /** Tied at this stage's cut, waiting for a decision. */
  readonly pending: CutStage | null;
  readonly notes: readonly string[];
}

export interface FunnelTie {
  readonly stage: CutStage;
  readonly entrantIds: readonly EntrantId[];
  readonly slots: number;
  readonly message: string;
}

export interface FunnelOutcome {
  readonly rows: readonly FunnelRow[];
  readonly recognised: readonly EntrantId[];
  readonly exemplary: readonly EntrantId[];
  readonly commended: readonly EntrantId[];
  readonly openTies: readonly FunnelTie[];
  readonly issues: readonly {
    readonly code: 'reasonMissing' | 'notEligible';
    readonly entrantId: EntrantId;
    readonly message: string;
  }[];
  /** e.g. "Công nhận 123 → tiêu biểu 55 → khen thưởng 18". */
  readonly summary: string;
}

export interface FunnelInput {
  /** Tally on the points scale: pass marks and floors read these. */
  readonly results: readonly EntrantResult[];
  /** Ordering for exemplary and commended (e.g. a z-score tally across panels); default: results. */
  readonly ranking?: readonly EntrantResult[];
  readonly rule: PassMarkRule;
  readonly counts: { readonly exemplary: number; readonly commended: number };
  readonly tieBreak?: readonly TieBreakRule[];
  readonly decisions?: readonly FunnelDecision[];
}

const LABEL: Record<CutStage, string> = { exemplary: 'tiêu biểu', commended: 'khen thưởng' };

export function awardFunnel(input: FunnelInput): FunnelOutcome {
  const issues: FunnelOutcome['issues'][number][] = [];
  const decisions = new Map<string, FunnelDecision>();
  for (const d of input.decisions ?? []) {
    if (d.reason.trim() === '')
      issues.push({
        code: 'reasonMissing',
        entrantId: d.entrantId,
        message: `Quyết định xét ${LABEL[d.stage]} cần ghi rõ lý do.`,
      });
    else decisions.set(`${d.stage}|${d.entrantId}`, d);
  }
  const checks = new Map(input.results.map((r) => [r.entrant.id, checkPass(r, input.rule)]));
  const order = new Map((input.ranking ?? input.results).map((r) => [r.entrant.id, r]));
  const notes = new Map<EntrantId, string[]>(input.results.map((r) => [r.entrant.id, []]));
  const pending = new Map<EntrantId, CutStage>();
  const ties: FunnelTie[] = [];

  const select = (pool: readonly EntrantId[], slots: number, stage: CutStage): EntrantId[] => {
    const ranked = rankResults(
      pool.map((id) => order.get(id)).filter((r): r is EntrantResult => r !== undefined),
      input.tieBreak ?? [],
    );
    const cut = cutAt(
      ranked.filter((r) => r.rank !== null),
      (r) => r.rank!,
      slots,
    );
    const chosen = new Set(cut.inside.map((r) => r.entrant.id));
    if (cut.tiedAtCut.length) {
      const ids = cut.tiedAtCut.map((r) => r.entrant.id);
      const message = `${ids.length} mô hình bằng điểm tranh ${cut.slotsLeft} suất ${LABEL[stage]}: chờ Hội đồng quyết định.`;
      ties.push({ stage, entrantIds: ids, slots: cut.slotsLeft, message });
      for (const id of ids)
        if (!decisions.has(`${stage}|${id}`)) {
          pending.set(id, stage);
          notes.get(id)?.push(message);
        }
    }
    for (const id of pool) {
      const d = decisions.get(`${stage}|${id}`);
      if (!d) continue;
      if (d.include) chosen.add(id);
      else chosen.delete(id);
      notes
        .get(id)
        ?.push(
          `Quyết định xét ${LABEL[stage]}: ${d.include ? 'chọn' : 'không chọn'} — ${d.reason.trim()}`,
        );
    }
    for (const d of decisions.values()) {
      if (d.stage === stage && d.include && !pool.includes(d.entrantId)) {
        issues.push({
          code: 'notEligible',
          entrantId: d.entrantId,
          message: `Mô hình chưa đạt bước trước nên không thể chọn ${LABEL[stage]}.`,
        });
      }
    }
    return pool.filter((id) => chosen.has(id));
  };

  const recognised = input.results
    .filter((r) => checks.get(r.entrant.id)!.status === 'pass')
    .map((r) => r.entrant.id);
  const exemplary = select(recognised, input.counts.exemplary, 'exemplary');
  const commended = select(exemplary, input.counts.commended, 'commended');
  const ex = new Set(exemplary);
  const co = new Set(commended);
  const rec = new Set(recognised);
  const rows = input.results.map((r): FunnelRow => {
    const id = r.entrant.id;
    const stage: FunnelStage = co.has(id)
      ? 'commended'
      : ex.has(id)
        ? 'exemplary'
        : rec.has(id)
          ? 'recognised'
          : 'none';
    return {
      entrantId: id,
      check: checks.get(id)!,
      stage,
      pending: pending.get(id) ?? null,
      notes: notes.get(id)!,
    };
  });
  const openTies = ties.filter((t) =>
    t.entrantIds.some((id) => !decisions.has(`${t.stage}|${id}`)),
  );
  return {
    rows,
    recognised,
    exemplary,
    commended,
    openTies,
    issues,
    summary: `Công nhận ${recognised.length} → tiêu biểu ${exemplary.length} → khen thưởng ${commended.length}`,
  };
}
