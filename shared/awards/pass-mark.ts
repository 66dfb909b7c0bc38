/**
 * Recognition (công nhận) of a model: its total reaches the pass mark chosen by an attribute of the
 * entrant (e.g. area type: đô thị ≥ 90, chung ≥ 80, miền núi – hải đảo ≥ 60), and every top-level
 * standard that applies to it reaches its floor (default 50 % of the standard's points). Exact: the
 * comparisons use the tally's fractions. Every failed condition is listed, not just the first.
 *
 * Not here: exemplary and commended (funnel.ts).
 */
import type { CriterionId, Entrant, EntrantId, PassMarkRule } from '../model/types';
import { compare, frac, mulInt, type Fraction } from '../scoring/fraction';
import { formatCp, formatPoints } from '../scoring/format';
import type { EntrantResult } from '../tally/tally-types';
import { foldVietnamese } from '../text/vietnamese';

export type PassFailure =
  | { readonly kind: 'belowPassMark'; readonly passMarkCp: number; readonly result: Fraction }
  | {
      readonly kind: 'standardBelowFloor';
      readonly criterionId: CriterionId;
      readonly name: string;
      readonly value: Fraction;
      readonly floorPercent: number;
      readonly maxCp: number;
    };

export interface PassCheck {
  readonly entrantId: EntrantId;
  readonly status: 'pass' | 'fail' | 'incomplete';
  readonly passMarkCp: number;
  readonly failures: readonly PassFailure[];
  readonly message: string;
}

export function passMarkFor(rule: PassMarkRule, entrant: Entrant): number {
  const raw = entrant[rule.attribute];
  const value = foldVietnamese(raw ?? '');
  return rule.marks.find((m) => foldVietnamese(m.value) === value)?.cp ?? rule.defaultCp;
}

export function describeFailure(f: PassFailure): string {
  switch (f.kind) {
    case 'belowPassMark':
      return `Tổng điểm ${formatPoints(f.result)} thấp hơn mức công nhận ${formatCp(f.passMarkCp)} điểm`;
    case 'standardBelowFloor':
      return `${f.name}: ${formatPoints(f.value)}/${formatCp(f.maxCp)} điểm, chưa đạt ${f.floorPercent}% số điểm của tiêu chuẩn`;
    default: {
      const never: never = f;
      throw new Error(`unhandled failure ${JSON.stringify(never)}`);
    }
  }
}

export function checkPass(r: EntrantResult, rule: PassMarkRule): PassCheck {
  const passMarkCp = passMarkFor(rule, r.entrant);
  if (r.status !== 'ranked' || r.result === null) {
    return {
      entrantId: r.entrant.id,
      status: 'incomplete',
      passMarkCp,
      failures: [],
      message: 'Chưa đủ điểm: chưa xét công nhận.',
    };
  }
  const failures: PassFailure[] = [];
  if (compare(r.result, frac(passMarkCp)) < 0)
    failures.push({ kind: 'belowPassMark', passMarkCp, result: r.result });
  const floor = rule.standardFloorPercent ?? 50;
  if (floor > 0) {
    for (const p of r.parts) {
      if (!p.topLevel || p.maxCp === 0 || p.value === null) continue;
      // value ≥ floor % of max  ⇔  100·value ≥ floor·max, kept exact.
      if (compare(mulInt(p.value, 100), frac(floor * p.maxCp)) < 0) {
        failures.push({
          kind: 'standardBelowFloor',
          criterionId: p.criterionId,
          name: p.name,
          value: p.value,
          floorPercent: floor,
          maxCp: p.maxCp,
        });
      }
    }
  }
  return {
    entrantId: r.entrant.id,
    status: failures.length ? 'fail' : 'pass',
    passMarkCp,
    failures,
    message: failures.length
      ? `Chưa đạt: ${failures.map(describeFailure).join('; ')}.`
      : `Đạt (mức công nhận ${formatCp(passMarkCp)} điểm).`,
  };
}
