/**
 * "Why this result?" for one entrant, as structured data with Vietnamese labels for a UI or a print:
 * each judge's criterion scores → judge totals (and who was left out, why) → trimmed judges →
 * aggregate → standardisation → objective parts → penalties → total → rank and the tie-break rule
 * that placed it. Display strings use the comma and half-up rounding; exact values stay alongside.
 *
 * Not here: any computation the tally does not already do — this reads the tally and the raw scores.
 */
import { partOf } from '../model/criteria-tree';
import type { CriterionId, EntrantId, JudgeId } from '../model/types';
import type { Fraction } from '../scoring/fraction';
import { formatCp, formatPoints } from '../scoring/format';
import { criteriaScope } from './criteria-scope';
import type { Absence } from './judge-rows';
import type { EntrantResult, Tally, TallyInput } from './tally-types';
import { tieBreakMetrics } from './tie-break';

export type ExplainJudgeStatus = 'counted' | 'trimmed' | Exclude<Absence, 'none'> | 'absent';

export interface ExplainCriterion {
  readonly criterionId: CriterionId;
  readonly name: string;
  readonly partName: string;
  readonly maxCp: number;
  readonly weight: number;
  /** Score in centipoints before weighting; null = not scored. */
  readonly cp: number | null;
  readonly display: string;
}

export interface ExplainJudge {
  readonly judgeId: JudgeId;
  readonly name: string;
  /** GK1, GK2… in the scoreboard's order. */
  readonly label: string;
  readonly criteria: readonly ExplainCriterion[];
  readonly totalCp: number | null;
  readonly status: ExplainJudgeStatus;
  readonly statusLabel: string;
}

export type ExplainStepKind =
  | 'judgeTotals'
  | 'trim'
  | 'aggregate'
  | 'standardise'
  | 'objective'
  | 'penalty'
  | 'total'
  | 'rank'
  | 'tieBreak';

export interface ExplainStep {
  readonly kind: ExplainStepKind;
  readonly label: string;
  readonly display: string;
  readonly exact?: Fraction | number | null;
  readonly detail: readonly string[];
}

export interface Explanation {
  readonly entrantId: EntrantId;
  readonly title: string;
  readonly status: EntrantResult['status'];
  readonly judges: readonly ExplainJudge[];
  readonly steps: readonly ExplainStep[];
  readonly parts: readonly {
    readonly name: string;
    readonly display: string;
    readonly maxDisplay: string;
  }[];
  readonly issues: readonly string[];
  readonly ruleText: string;
}

const STATUS_LABEL: Record<ExplainJudgeStatus, string> = {
  counted: 'Được tính',
  trimmed: 'Bị loại (điểm cao nhất/thấp nhất)',
  conflict: 'Không chấm: cùng đơn vị (xung đột lợi ích)',
  notAssigned: 'Không được phân công chấm',
  incomplete: 'Chấm chưa đủ: không tính',
  absent: 'Vắng / chưa chấm: không tính',
};

const AGG_LABEL = {
  mean: 'Điểm trung bình',
  trimmedMean: 'Điểm trung bình sau khi loại',
  median: 'Điểm trung vị',
  zScore: 'Điểm trung bình (chưa chuẩn hóa)',
} as const;

export function explainEntrant(
  input: TallyInput,
  t: Tally,
  entrantId: EntrantId,
): Explanation | null {
  const r = t.results.find((x) => x.entrant.id === entrantId);
  if (!r) return null;
  const entrant = r.entrant;
  const scope = criteriaScope(input.criteria);
  const plan = scope.planFor(entrant);
  const leaves = plan.judged.map((i) => scope.judgedLeaves[i]);
  const given = new Map<string, number | null>();
  for (const s of input.scores)
    if (s.entrantId === entrantId && s.roundId === entrant.roundId)
      given.set(`${s.judgeId}|${s.criterionId}`, s.steps);
  const judgeById = new Map(input.judges.map((j) => [j.id, j]));

  const judges = t.judgeIds.map((judgeId, i): ExplainJudge => {
    const jt = r.judgeTotals.find((x) => x.judgeId === judgeId)!;
    const status: ExplainJudgeStatus = jt.trimmed
      ? 'trimmed'
      : jt.absence === 'none'
        ? 'counted'
        : jt.absence === 'incomplete' && jt.scored === 0
          ? 'absent'
          : jt.absence;
    const criteria = leaves.map((c): ExplainCriterion => {
      const steps = given.get(`${judgeId}|${c.id}`);
      const cp = steps === undefined || steps === null ? null : steps * c.stepCp;
      const weight = plan.stepWeight[leaves.indexOf(c)] / c.stepCp;
      return {
        criterionId: c.id,
        name: c.name,
        partName: partOf(input.criteria, c.id)?.name ?? '',
        maxCp: c.maxCp,
        weight,
        cp,
        display: cp === null ? '—' : formatCp(cp),
      };
    });
    return {
      judgeId,
      name: judgeById.get(judgeId)?.name ?? judgeId,
      label: `GK${i + 1}`,
      criteria,
      totalCp: jt.totalCp,
      status,
      statusLabel: STATUS_LABEL[status],
    };
  });

  const steps: ExplainStep[] = [];
  steps.push({
    kind: 'judgeTotals',
    label: 'Tổng điểm của từng giám khảo',
    display: judges
      .map((j) => `${j.label}: ${j.totalCp === null ? '—' : formatCp(j.totalCp)}`)
      .join('; '),
    detail: judges
      .filter((j) => j.status !== 'counted')
      .map((j) => `${j.label} (${j.name}): ${j.statusLabel}`),
  });
  if (t.policy.kind === 'trimmedMean') {
    const dropped = judges.filter((j) => j.status === 'trimmed');
    steps.push({
      kind: 'trim',
      label: 'Loại điểm cao nhất và thấp nhất',
      display: r.trimFellBack
        ? 'Không loại (không đủ số giám khảo)'
        : dropped.map((j) => `${j.label} (${formatCp(j.totalCp!)})`).join(', ') || 'Không loại',
      detail: r.issues.filter((x) => x.code === 'trimFallback').map((x) => x.message),
    });
  }
  const counted = judges.filter((j) => j.status === 'counted');
  steps.push({
    kind: 'aggregate',
    label: AGG_LABEL[t.policy.kind],
    exact: r.judgedCp,
    display: r.judgedCp ? formatPoints(r.judgedCp) : 'Chưa có',
    detail: counted.length
      ? [
          `Trên ${counted.length} giám khảo: ${counted.map((j) => formatCp(j.totalCp!)).join(' ; ')}`,
        ]
      : [],
  });
  if (r.zMean !== null) {
    steps.push({
      kind: 'standardise',
      label: 'Điểm chuẩn hóa theo từng giám khảo (z)',
      exact: r.standardisedCp,
      display:
        r.standardisedCp === null
          ? 'Chưa có'
          : formatPoints({ n: Math.round(r.standardisedCp * 1e4), d: 1e4 }),
      detail: [
        `z trung bình = ${r.zMean.toFixed(3).replace('.', ',')}; quy về thang điểm chung của cả vòng`,
      ],
    });
  }
  if (plan.objective.length) {
    steps.push({
      kind: 'objective',
      label: 'Điểm phần khách quan (thư ký nhập)',
      exact: r.objectiveCp,
      display: r.objectiveMissing.length ? 'Chưa nhập đủ' : `+${formatCp(r.objectiveCp)}`,
      detail: plan.objective.map((c) => {
        const steps = input.objective?.get(entrantId)?.get(c.id);
        return `${c.name}: ${steps === undefined ? 'chưa nhập' : formatCp(steps * c.stepCp)}`;
      }),
    });
  }
  if (r.penalties.length) {
    steps.push({
      kind: 'penalty',
      label: 'Điểm trừ',
      exact: -r.penaltyCp,
      display: `−${formatCp(r.penaltyCp)}`,
      detail: r.penalties.map((p) => `−${formatCp(p.cp)}: ${p.reason}`),
    });
  }
  steps.push({
    kind: 'total',
    label: r.standardisedCp !== null ? 'Tổng điểm (chưa chuẩn hóa)' : 'Tổng điểm',
    exact: r.result,
    display: r.result ? formatPoints(r.result) : 'Chưa có',
    detail: [`Tối đa ${formatCp(r.maxCp)} điểm`],
  });
  steps.push({
    kind: 'rank',
    label: 'Xếp hạng',
    exact: r.rank,
    display: r.rank === null ? 'Chưa xếp hạng' : `${r.rank}${r.tied ? ' (đồng hạng)' : ''}`,
    detail: r.issues.filter((x) => x.blocking).map((x) => x.message),
  });
  if (t.tieBreak.length && r.rank !== null) {
    const metrics = tieBreakMetrics(t.tieBreak, t.results);
    steps.push({
      kind: 'tieBreak',
      label: 'Phân định thứ hạng khi bằng điểm',
      display: r.decidedBy ?? (r.tied ? 'Vẫn bằng nhau: đồng hạng' : 'Không cần'),
      detail: t.tieBreak.map((rule, k) => {
        const v = metrics[k].value(r);
        const shown =
          rule.kind === 'lot'
            ? `mã bốc thăm ${rule.seed}`
            : rule.kind === 'firstPlaces'
              ? String(v)
              : v === null
                ? '—'
                : formatPoints(v as Fraction | number);
        return `${metrics[k].name}: ${shown}`;
      }),
    });
  }
  return {
    entrantId,
    title: `${entrant.name} — ${entrant.unit}`,
    status: r.status,
    judges,
    steps,
    parts: r.parts
      .filter((p) => p.topLevel && p.maxCp > 0)
      .map((p) => ({
        name: p.name,
        display: p.value ? formatPoints(p.value) : '—',
        maxDisplay: formatCp(p.maxCp),
      })),
    issues: r.issues.map((x) => x.message),
    ruleText: t.ruleText,
  };
}
