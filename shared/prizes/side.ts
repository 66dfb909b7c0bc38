/**
 * Side prizes (giải phụ) beside the main ladder: the best score of a part ("phần thi Tiểu phẩm hay
 * nhất", from that part's aggregate, tied entrants sharing it) and prizes the panel chooses
 * (giải phong cách…), which come in as input with a reason.
 *
 * Not here: the main ladder (ladder.ts, prizes.ts). Pass one cluster's results for per-cluster side prizes.
 */
import type { EntrantId, SidePrizeSpec } from '../model/types';
import type { Fraction } from '../scoring/fraction';
import { cutAt } from '../tally/cut';
import { rankBy } from '../tally/rank';
import type { EntrantResult } from '../tally/tally-types';
import { listKey } from '../tally/tie-break';

/** The panel's choice for a 'chosen' side prize. */
export interface ChosenSidePrize {
  readonly name: string;
  readonly entrantIds: readonly EntrantId[];
  readonly reason: string;
}

export interface SidePrizeOutcome {
  readonly name: string;
  readonly kind: SidePrizeSpec['kind'];
  readonly winners: readonly EntrantId[];
  /** Tied entrants share the prize (more winners than its count). */
  readonly shared: boolean;
  /** The winning part aggregate (bestPart only). */
  readonly value: Fraction | null;
  readonly status: 'awarded' | 'pending';
  readonly note: string;
}

export interface SidePrizeIssue {
  readonly code: 'reasonMissing' | 'tooMany' | 'unknownEntrant';
  readonly message: string;
}

export function sidePrizes(
  results: readonly EntrantResult[],
  specs: readonly SidePrizeSpec[],
  chosen: readonly ChosenSidePrize[] = [],
): { prizes: SidePrizeOutcome[]; issues: SidePrizeIssue[] } {
  const issues: SidePrizeIssue[] = [];
  const prizes = specs.map((spec): SidePrizeOutcome => {
    const count = spec.count ?? 1;
    switch (spec.kind) {
      case 'bestPart': {
        const partOf = (r: EntrantResult) =>
          r.parts.find((p) => p.criterionId === spec.criterionId)?.value ?? null;
        const candidates = results.filter((r) => r.status === 'ranked' && partOf(r) !== null);
        const ranked = rankBy(candidates, [{ name: spec.name, value: partOf }], listKey);
        const cut = cutAt(ranked, (k) => k.rank, count);
        // A side prize is shared when tied at its line rather than left for a decision.
        const winners = [...cut.inside, ...cut.tiedAtCut].map((k) => k.item);
        const shared = winners.length > count;
        const names = winners.map((r) => r.entrant.name).join(', ');
        return {
          name: spec.name,
          kind: spec.kind,
          winners: winners.map((r) => r.entrant.id),
          shared,
          value: winners.length ? partOf(winners[0]) : null,
          status: winners.length ? 'awarded' : 'pending',
          note:
            winners.length === 0
              ? 'Chưa có điểm phần thi này.'
              : shared
                ? `Đồng giải: ${names} bằng điểm phần thi.`
                : `Điểm phần thi cao nhất: ${names}.`,
        };
      }
      case 'chosen': {
        const pick = chosen.filter((c) => c.name === spec.name).pop();
        if (!pick)
          return {
            name: spec.name,
            kind: spec.kind,
            winners: [],
            shared: false,
            value: null,
            status: 'pending',
            note: 'Chờ Ban Giám khảo chọn.',
          };
        if (pick.reason.trim() === '') {
          issues.push({
            code: 'reasonMissing',
            message: `Giải “${spec.name}”: cần ghi rõ lý do chọn.`,
          });
          return {
            name: spec.name,
            kind: spec.kind,
            winners: [],
            shared: false,
            value: null,
            status: 'pending',
            note: 'Chờ Ban Giám khảo chọn.',
          };
        }
        const known = pick.entrantIds.filter((id) => results.some((r) => r.entrant.id === id));
        if (known.length < pick.entrantIds.length)
          issues.push({
            code: 'unknownEntrant',
            message: `Giải “${spec.name}”: có đội/mô hình không thuộc danh sách.`,
          });
        if (known.length > count)
          issues.push({
            code: 'tooMany',
            message: `Giải “${spec.name}”: chọn ${known.length} đội/mô hình, nhiều hơn số giải (${count}).`,
          });
        return {
          name: spec.name,
          kind: spec.kind,
          winners: known,
          shared: known.length > count,
          value: null,
          status: 'awarded',
          note: `Ban Giám khảo chọn: ${pick.reason.trim()}`,
        };
      }
      default: {
        const never: never = spec;
        throw new Error(`unhandled side prize ${JSON.stringify(never)}`);
      }
    }
  });
  return { prizes, issues };
}
