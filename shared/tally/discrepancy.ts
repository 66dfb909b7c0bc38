/**
 * Discrepancy check: when two judges' totals for one entrant differ by more than a set gap (default
 * 20 % of the entrant's maximum, the official analogue's 20 of 100 points), the entrant is flagged
 * until the head judge confirms the scores or orders a re-score. Decisions come in as data.
 *
 * Not here: blocking submission (the UI decides when to ask) or storing decisions (the journal).
 */
import type { EntrantId, JudgeId } from '../model/types';
import { formatCp } from '../scoring/format';
import type { EntrantResult } from './tally-types';

export interface DiscrepancyDecision {
  readonly entrantId: EntrantId;
  readonly decision: 'confirmed' | 'rescore';
  readonly reason: string;
}

export interface DiscrepancyOptions {
  /** Absolute gap in centipoints; overrides percent. */
  readonly gapCp?: number;
  /** Gap as a percentage of the entrant's maximum (default 20). */
  readonly percent?: number;
  readonly decisions?: readonly DiscrepancyDecision[];
}

export interface DiscrepancyFlag {
  readonly entrantId: EntrantId;
  readonly gapCp: number;
  /** Threshold in centipoints (may be fractional when a percentage of an odd maximum). */
  readonly thresholdCp: number;
  readonly high: { readonly judgeId: JudgeId; readonly totalCp: number };
  readonly low: { readonly judgeId: JudgeId; readonly totalCp: number };
  readonly decision: DiscrepancyDecision | null;
  /** Still needs the head judge: no decision yet, or a re-score was ordered. */
  readonly open: boolean;
  readonly message: string;
}

export interface DiscrepancyReport {
  readonly flags: readonly DiscrepancyFlag[];
  readonly issues: readonly {
    readonly code: 'reasonMissing';
    readonly entrantId: EntrantId;
    readonly message: string;
  }[];
}

export function findDiscrepancies(
  results: readonly EntrantResult[],
  opts: DiscrepancyOptions = {},
): DiscrepancyReport {
  const percent = opts.percent ?? 20;
  const issues: DiscrepancyReport['issues'][number][] = [];
  const decisions = new Map<EntrantId, DiscrepancyDecision>();
  for (const d of opts.decisions ?? []) {
    if (d.reason.trim() === '')
      issues.push({
        code: 'reasonMissing',
        entrantId: d.entrantId,
        message: 'Quyết định về chênh lệch điểm cần ghi rõ lý do.',
      });
    else decisions.set(d.entrantId, d);
  }
  const flags: DiscrepancyFlag[] = [];
  for (const r of results) {
    // Every judge who scored completely counts here, trimmed or not: the check is about the sheets.
    const present = r.judgeTotals.filter((t) => t.totalCp !== null);
    if (present.length < 2) continue;
    let high = present[0];
    let low = present[0];
    for (const t of present) {
      if (t.totalCp! > high.totalCp!) high = t;
      if (t.totalCp! < low.totalCp!) low = t;
    }
    const gap = high.totalCp! - low.totalCp!;
    // Exact: gap > percent % of max  ⇔  100·gap > percent·max.
    const over = opts.gapCp !== undefined ? gap > opts.gapCp : 100 * gap > percent * r.maxCp;
    if (!over) continue;
    const thresholdCp = opts.gapCp ?? (percent * r.maxCp) / 100;
    const decision = decisions.get(r.entrant.id) ?? null;
    const state =
      decision === null
        ? 'chờ Trưởng ban xác nhận hoặc cho chấm lại'
        : decision.decision === 'confirmed'
          ? `đã xác nhận (${decision.reason.trim()})`
          : `đã yêu cầu chấm lại (${decision.reason.trim()})`;
    flags.push({
      entrantId: r.entrant.id,
      gapCp: gap,
      thresholdCp,
      high: { judgeId: high.judgeId, totalCp: high.totalCp! },
      low: { judgeId: low.judgeId, totalCp: low.totalCp! },
      decision,
      open: decision?.decision !== 'confirmed',
      message: `${r.entrant.name}: điểm các giám khảo chênh nhau ${formatCp(gap)} điểm (vượt ${formatCp(Math.round(thresholdCp))} điểm) — ${state}.`,
    });
  }
  return { flags, issues };
}
