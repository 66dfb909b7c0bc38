/**
 * The official tally of one round (or one cluster of it): each judge's weighted total per entrant,
 * the panel's aggregate under the round's policy, objective parts, penalties, the total and the
 * rank with the round's tie-break chain. Exact: totals are integer centipoints, aggregates are
 * fractions (z-scores, which are irrational, carry floats and say so). Missing scores are never
 * zero: an entrant's gaps are left out or leave it unranked, and the reason is kept.
 * Independent of input order: judges and entrants are put in a canonical order first.
 *
 * Not here: prizes (shared/prizes), advancement (advancement.ts), the explain view (explain.ts).
 */
import type {
  AggregationPolicy,
  Criterion,
  Entrant,
  EntrantId,
  Judge,
  JudgeId,
  MissingScoreRule,
} from '../model/types';
import { add, compare, frac, sub, toNumber, ZERO, type Fraction } from '../scoring/fraction';
import { formatCp } from '../scoring/format';
import { aggregateValues, standardise, zOf, zStats } from './aggregate';
import { criteriaScope, type CriteriaScope, type LeafPlan } from './criteria-scope';
import { computeRows, type JudgeTotal } from './judge-rows';
import type { Metric } from './rank';
import type {
  EntrantResult,
  ObjectiveScore,
  PartScore,
  Penalty,
  ResultIssue,
  Tally,
  TallyInput,
  TallyIssue,
} from './tally-types';
import { describeTieBreaks, rankResults } from './tie-break';

export type { Absence, JudgeTotal } from './judge-rows';
export type * from './tally-types';

export function describePolicy(policy: AggregationPolicy): string {
  switch (policy.kind) {
    case 'mean':
      return 'Điểm trung bình cộng của các giám khảo đã chấm, làm tròn 2 chữ số thập phân (từ 5 trở lên làm tròn lên).';
    case 'trimmedMean':
      return `Bỏ ${policy.drop} điểm cao nhất và ${policy.drop} điểm thấp nhất (khi có từ ${policy.minPanel} giám khảo), lấy trung bình các điểm còn lại; làm tròn 2 chữ số thập phân.`;
    case 'median':
      return 'Lấy điểm trung vị của các giám khảo đã chấm; làm tròn 2 chữ số thập phân.';
    case 'zScore':
      return 'Chuẩn hóa điểm theo từng giám khảo (điểm z), lấy trung bình rồi quy về thang điểm chung; dùng để so sánh giữa các tổ chấm khác nhau.';
    default:
      return assertNever(policy);
  }
}

export function describeMissing(rule: MissingScoreRule): string {
  switch (rule) {
    case 'meanOfPresent':
      return 'Giám khảo vắng, chưa chấm đủ hoặc không chấm do cùng đơn vị (xung đột lợi ích) không được tính; điểm lấy trên các giám khảo đã chấm đủ, không tính là 0 điểm.';
    case 'requireAll':
      return 'Chỉ xếp hạng khi tất cả giám khảo được phân công đã chấm đủ; đội/mô hình còn thiếu điểm chưa được xếp hạng.';
    default:
      return assertNever(rule);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}

const byOrderThenId = <T extends { readonly order: number; readonly id: string }>(a: T, b: T) =>
  a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const canonicalEntrants = (es: readonly Entrant[]) =>
  [...es].sort(
    (a, b) =>
      a.order - b.order ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

/** Weighted totals per (judge, entrant), judges in canonical order (order, then id). */
export function judgeTotals(input: TallyInput): Map<EntrantId, JudgeTotal[]> {
  const judges = [...input.judges].sort(byOrderThenId);
  const rows = computeRows(
    input.entrants,
    judges,
    input.scores,
    criteriaScope(input.criteria),
    input.excluded,
  );
  return new Map(input.entrants.map((e, i) => [e.id, rows[i].totals]));
}

function validPenalties(input: TallyInput, issues: TallyIssue[]): Map<EntrantId, Penalty[]> {
  const out = new Map<EntrantId, Penalty[]>();
  for (const p of input.penalties ?? []) {
    if (!Number.isSafeInteger(p.cp) || p.cp <= 0 || p.reason.trim() === '') {
      issues.push({
        code: 'penaltyInvalid',
        entrantId: p.entrantId,
        message: `Điểm trừ ${formatCp(p.cp)} không hợp lệ: cần số điểm dương và ghi rõ lý do.`,
      });
      continue;
    }
    (out.get(p.entrantId) ?? out.set(p.entrantId, []).get(p.entrantId)!).push(p);
  }
  // Canonical order so results compare equal whatever order the secretary entered them in.
  for (const list of out.values())
    list.sort((a, b) => a.cp - b.cp || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  return out;
}

const NO_JUDGES: readonly JudgeId[] = [];

/**
 * Each tracked part aggregated on its own with the round's policy (z-score rounds use the mean for
 * parts), plus the part's objective score; null where a judged part has no counted judge or an
 * objective leaf of it is missing.
 */
function partScores(
  policy: AggregationPolicy,
  scope: CriteriaScope,
  plan: LeafPlan,
  present: readonly number[],
  nodeCp: Float64Array,
  objectiveCpOf: readonly (number | null)[],
  judges: readonly Judge[],
): PartScore[] {
  const nNodes = scope.nodes.length;
  return scope.nodes.map((node, k) => {
    let partObjective = 0;
    for (let o = 0; o < plan.objective.length; o++)
      if (plan.objectiveNodes[o].includes(k)) partObjective += objectiveCpOf[o] ?? NaN;
    const partAgg = plan.nodeJudged[k]
      ? aggregateValues(
          policy,
          present.map((j) => nodeCp[j * nNodes + k]),
        )
      : null;
    const judged = partAgg ? partAgg.value : plan.nodeMaxCp[k] > 0 ? ZERO : null;
    const missingObjective = Number.isNaN(partObjective);
    return {
      criterionId: node.id,
      name: node.name,
      topLevel: node.topLevel,
      maxCp: plan.nodeMaxCp[k],
      value:
        judged === null || missingObjective
          ? null
          : partObjective === 0
            ? judged
            : add(judged, frac(partObjective)),
      objectiveCp: missingObjective ? 0 : partObjective,
      dropped:
        partAgg && partAgg.dropped.length
          ? partAgg.dropped.map((i) => judges[present[i]].id)
          : NO_JUDGES,
    };
  });
}

export function tally(
  input: TallyInput,
  extraMetrics: readonly Metric<EntrantResult>[] = [],
): Tally {
  const policy = input.round.policy;
  const missing = input.round.missingScores ?? 'meanOfPresent';
  const rules = input.round.tieBreak ?? [];
  const issues: TallyIssue[] = [];
  const judges = [...input.judges].sort(byOrderThenId);
  const entrants = canonicalEntrants(input.entrants);
  const partRuleIds = rules.flatMap((r) => (r.kind === 'part' ? [r.criterionId] : []));
  for (const id of partRuleIds) {
    if (!input.criteria.some((c) => c.id === id))
      issues.push({
        code: 'tieBreakPartUnknown',
        criterionId: id,
        message: 'Tiêu chí phụ dùng để phân định hòa không còn trong bảng tiêu chí.',
      });
  }
  const scope = criteriaScope(input.criteria, [...(input.trackNodes ?? []), ...partRuleIds]);
  const rows = computeRows(entrants, judges, input.scores, scope, input.excluded);
  const z = policy.kind === 'zScore' ? zStats(rows.map((r) => r.totals)) : null;
  const headIdx = judges.findIndex((j) => j.role === 'head');
  const best = judges.map((_, j) =>
    rows.reduce((m, r) => Math.max(m, r.totals[j].totalCp ?? -Infinity), -Infinity),
  );
  const penalties = validPenalties(input, issues);
  const judgeName = (j: Judge) => j.name || `GK${j.order + 1}`;

  const unranked: EntrantResult[] = entrants.map((entrant, e) => {
    const plan = scope.planFor(entrant);
    const { nodeCp } = rows[e];
    const notes: ResultIssue[] = [];
    const present: number[] = [];
    rows[e].totals.forEach((t, j) => t.totalCp !== null && present.push(j));
    rows[e].totals.forEach((t, j) => {
      if (t.absence !== 'incomplete') return;
      const what = t.scored === 0 ? 'chưa chấm' : `mới chấm ${t.scored}/${t.expected} tiêu chí`;
      notes.push(
        missing === 'requireAll'
          ? {
              code: 'judgeIncomplete',
              blocking: true,
              judgeId: t.judgeId,
              message: `${judgeName(judges[j])} ${what}: chưa xếp hạng (quy tắc yêu cầu đủ điểm).`,
            }
          : {
              code: 'judgeLeftOut',
              blocking: false,
              judgeId: t.judgeId,
              message: `${judgeName(judges[j])} ${what}: không tính giám khảo này.`,
            },
      );
    });
    if (plan.judged.length > 0 && present.length === 0)
      notes.push({
        code: 'noJudges',
        blocking: true,
        message: 'Chưa có giám khảo nào chấm đủ: chưa có kết quả.',
      });

    const agg = aggregateValues(
      policy,
      present.map((j) => rows[e].totals[j].totalCp!),
    );
    if (agg.fellBack)
      notes.push({
        code: 'trimFallback',
        blocking: false,
        message: `Chỉ có ${present.length} giám khảo chấm (cần ${policy.kind === 'trimmedMean' ? policy.minPanel : 0}): lấy trung bình, không bỏ điểm cao nhất/thấp nhất.`,
      });
    const droppedJudges = new Set(agg.dropped.map((k) => present[k]));
    const totals = droppedJudges.size
      ? rows[e].totals.map((t, j) => (droppedJudges.has(j) ? { ...t, trimmed: true } : t))
      : rows[e].totals;
    const judgedCp: Fraction | null = plan.judged.length === 0 ? ZERO : agg.value;

    const given = input.objective?.get(entrant.id);
    const objectiveCpOf: (number | null)[] = plan.objective.map((c, k) => {
      const steps = given?.get(c.id);
      if (steps === undefined) return null;
      if (!Number.isSafeInteger(steps) || steps < 0 || steps * c.stepCp > c.maxCp) {
        issues.push({
          code: 'objectiveInvalid',
          entrantId: entrant.id,
          criterionId: c.id,
          message: `Điểm phần khách quan “${c.name}” không hợp lệ (0…${formatCp(c.maxCp)}, bước ${formatCp(c.stepCp)}).`,
        });
        return null;
      }
      return steps * plan.objectiveStepWeight[k];
    });
    const objectiveMissing = plan.objective
      .filter((_, k) => objectiveCpOf[k] === null)
      .map((c) => c.id);
    for (const c of plan.objective) {
      if (objectiveMissing.includes(c.id))
        notes.push({
          code: 'objectiveMissing',
          blocking: true,
          criterionId: c.id,
          message: `Chưa nhập điểm phần “${c.name}” (thư ký nhập).`,
        });
    }
    const objectiveCp = objectiveCpOf.reduce<number>((s, v) => s + (v ?? 0), 0);

    const parts = partScores(policy, scope, plan, present, nodeCp, objectiveCpOf, judges);

    const own = penalties.get(entrant.id) ?? [];
    const penaltyCp = own.reduce((s, p) => s + p.cp, 0);
    const status = judgedCp !== null && !notes.some((n) => n.blocking) ? 'ranked' : 'unranked';
    const adjust = objectiveCp - penaltyCp;
    const result =
      status !== 'ranked'
        ? null
        : adjust === 0
          ? judgedCp
          : adjust > 0
            ? add(judgedCp!, frac(adjust))
            : sub(judgedCp!, frac(-adjust));
    const std =
      z && present.length
        ? standardise(
            z,
            present.map((j) => zOf(z, judges[j].id, rows[e].totals[j].totalCp!)),
          )
        : null;
    const zMean = std ? std.zMean : null;
    const standardisedCp = std && result ? std.cp + objectiveCp - penaltyCp : null;
    const head = headIdx >= 0 ? rows[e].totals[headIdx].totalCp : null;
    return {
      entrant,
      judgeTotals: totals,
      result,
      resultValue: standardisedCp ?? (result ? toNumber(result) : null),
      counted: present.length - droppedJudges.size,
      rank: null,
      tied: false,
      decidedBy: null,
      status,
      issues: notes,
      maxCp: plan.maxCp,
      judgedCp,
      objectiveCp,
      objectiveMissing,
      penaltyCp,
      penalties: own,
      zMean: z ? zMean : null,
      standardisedCp,
      trimFellBack: agg.fellBack,
      parts,
      firstPlaces: rows[e].totals.reduce(
        (s, t, j) => s + (t.totalCp !== null && t.totalCp === best[j] ? 1 : 0),
        0,
      ),
      headJudgeCp: head,
      tieBreakCp: input.tieBreakScores?.get(entrant.id) ?? null,
    };
  });

  const results = rankResults(unranked, rules, extraMetrics);
  const notes = [describeMissing(missing), describeTieBreaks(rules, results)];
  if (results.some((r) => r.penaltyCp > 0))
    notes.push('Điểm trừ (vi phạm thời gian, nộp muộn…) được trừ vào tổng điểm, ghi rõ lý do.');
  return {
    results,
    maxCp: Math.max(0, ...entrants.map((e) => scope.planFor(e).maxCp), scope.planFor({}).maxCp),
    ruleText: describePolicy(policy),
    policy,
    missingScores: missing,
    tieBreak: rules,
    notes,
    parts: scope.nodes.map((n) => ({ id: n.id, name: n.name, topLevel: n.topLevel })),
    judgeIds: judges.map((j) => j.id),
    issues,
  };
}

/** TallyInput.objective from stored records (a later record for the same leaf wins). */
export function objectiveMap(
  list: readonly ObjectiveScore[],
): Map<EntrantId, Map<Criterion['id'], number>> {
  const out = new Map<EntrantId, Map<Criterion['id'], number>>();
  for (const o of list)
    (out.get(o.entrantId) ?? out.set(o.entrantId, new Map()).get(o.entrantId)!).set(
      o.criterionId,
      o.steps,
    );
  return out;
}

/** Exact equality of two results, for tests and the recount comparison. */
export const sameResult = (a: Fraction | null, b: Fraction | null): boolean =>
  a === null || b === null ? a === b : compare(a, b) === 0;
