/**
 * Builds printable score sheets (phiếu chấm điểm) as data: one sheet per (cluster, judge) pair, laid
 * out like the scoring screen (STT · entrant and unit · each judged criterion under its part, with
 * its maximum · total), blank to be filled in by hand or pre-filled with the judge's current scores,
 * with the scoring notes, the place-and-date line and the judge's signature block.
 *
 * Pure: the date is passed in, nothing reads a clock. Not here: layout and fonts (the PDF writer,
 * electron/main/exports/score-sheets-pdf.ts), validating scores (shared/scoring), or the tally —
 * a pre-filled total is only the sum of what the judge entered, never an aggregate.
 */
import { buildExclusion, type ExclusionOptions } from '../awards/exclusion';
import { criteriaForEntrant } from '../awards/rubric';
import { effectiveWeight, partOf } from '../model/criteria-tree';
import type {
  Cluster,
  ClusterId,
  Contest,
  Criterion,
  CriterionId,
  Entrant,
  Judge,
  JudgeId,
  Score,
} from '../model/types';
import { formatCp } from '../scoring/format';
import { viCollator } from '../text/vietnamese';
import { vietnameseDateText } from './certificate-doc';
import { cleanText } from './doc-text';
import type { ScoreSheet, ScoreSheetColumn, ScoreSheetDoc, ScoreSheetRow } from './models';

export interface ScoreSheetInput {
  readonly contest: Pick<Contest, 'name' | 'issuer'>;
  readonly roundName: string;
  /** The round's whole criteria tree; objective parts (entered once by the secretary) get no column. */
  readonly criteria: readonly Criterion[];
  /** One sheet per judge and cluster they score; empty = one anonymous sheet per cluster. */
  readonly judges: readonly Judge[];
  /** Empty when the round has no clusters (a final): one sheet per judge for all its entrants. */
  readonly clusters: readonly Pick<Cluster, 'id' | 'name' | 'order'>[];
  /** The round's entrants; each goes on its cluster's sheets. */
  readonly entrants: readonly Entrant[];
  /** The judges' current scores: given = pre-filled sheets, absent = blank sheets. */
  readonly scores?: readonly Score[];
  /**
   * Who scores whom, as for the tally (shared/awards/exclusion.ts): a judge's sheet lists the entrants
   * they are assigned (cluster, field panel, round); a conflict of interest stays on it as a marked row.
   */
  readonly exclusion?: ExclusionOptions;
  /** Signing date, ISO "YYYY-MM-DD"; absent = dotted blanks to be filled in by hand. */
  readonly date?: string;
  readonly chainHead: string;
}

/** Display names of the usual rubric keys (Criterion.appliesTo); any other key prints as it is. */
const RUBRIC_NAMES: Readonly<Record<string, string>> = {
  'tap-the': 'mô hình tập thể',
  'ca-nhan': 'mô hình cá nhân',
};
const DOTS = '……………………………………………';
const MAX_CELL = 20;

interface Group {
  readonly clusterName: string;
  readonly entrants: readonly Entrant[];
}

/**
 * Entrants by cluster in the clusters' order. Entrants of no listed cluster go on a last, unnamed
 * sheet rather than vanishing from the paper.
 */
function groupsOf(input: ScoreSheetInput): Group[] {
  const inOrder = [...input.entrants].sort(
    (a, b) => a.order - b.order || viCollator.compare(a.name, b.name),
  );
  if (input.clusters.length === 0) return [{ clusterName: '', entrants: inOrder }];
  const clusters = [...input.clusters].sort((a, b) => a.order - b.order);
  const known = new Set<ClusterId>(clusters.map((c) => c.id));
  const groups = clusters.map((c) => ({
    clusterName: c.name,
    entrants: inOrder.filter((e) => e.clusterId === c.id),
  }));
  const rest = inOrder.filter((e) => e.clusterId === null || !known.has(e.clusterId));
  return [...groups, ...(rest.length ? [{ clusterName: '', entrants: rest }] : [])].filter(
    (g) => g.entrants.length > 0,
  );
}

/** Judged leaves per entrant, computed once per rubric (the tree walk is not free at 1,000 models). */
function leavesByRubric(criteria: readonly Criterion[]): (e: Entrant) => readonly Criterion[] {
  const cache = new Map<string, Criterion[]>();
  return (e) => {
    const key = e.rubric ?? '';
    let list = cache.get(key);
    if (!list) cache.set(key, (list = criteriaForEntrant(criteria, e).filter((c) => !c.objective)));
    return list;
  };
}

/** Entrants with the same criteria share a sheet; a round with two rubrics gets one sheet for each. */
function splitByRubric(
  entrants: readonly Entrant[],
  leavesOf: (e: Entrant) => readonly Criterion[],
): { leaves: readonly Criterion[]; entrants: Entrant[]; rubric: string }[] {
  const parts = new Map<
    string,
    { leaves: readonly Criterion[]; entrants: Entrant[]; rubric: string }
  >();
  for (const e of entrants) {
    const leaves = leavesOf(e);
    const key = leaves.map((c) => c.id).join('|');
    const part =
      parts.get(key) ?? parts.set(key, { leaves, entrants: [], rubric: e.rubric ?? '' }).get(key)!;
    part.entrants.push(e);
  }
  return [...parts.values()].filter((p) => p.leaves.length > 0);
}

/** "8,5": points with a comma decimal, the judge's own (unweighted) figure. */
const points = (cp: number) => formatCp(cp);

function columnsOf(
  criteria: readonly Criterion[],
  leaves: readonly Criterion[],
): { columns: ScoreSheetColumn[]; weights: number[]; maxTotalCp: number } {
  const weights = leaves.map((c) => effectiveWeight(criteria, c.id));
  const partMax = new Map<CriterionId, number>();
  leaves.forEach((c, i) => {
    const part = partOf(criteria, c.id) ?? c;
    partMax.set(part.id, (partMax.get(part.id) ?? 0) + c.maxCp * weights[i]);
  });
  const columns = leaves.map((c) => {
    const part = partOf(criteria, c.id) ?? c;
    return {
      group:
        part.id === c.id ? '' : cleanText(`${part.name} (${points(partMax.get(part.id)!)})`, 300),
      header: cleanText(`${c.name} (${points(c.maxCp)})`, 300),
    };
  });
  return { columns, weights, maxTotalCp: leaves.reduce((s, c, i) => s + c.maxCp * weights[i], 0) };
}

/** "lẻ đến 0,5 điểm", "điểm nguyên", "theo bước 2 điểm": how fine a score may be. */
function stepPhrase(stepCp: number): string {
  if (stepCp === 100) return 'chấm điểm nguyên';
  if (stepCp > 100) return `chấm theo bước ${points(stepCp)} điểm`;
  return `chấm điểm lẻ đến ${points(stepCp)} điểm`;
}

/**
 * The scoring notes, without the "Ghi chú:" label (the writer sets it in bold): the step first, as
 * the judge needs it most. Mixed steps name only the criteria that differ from the usual one.
 */
function notesOf(
  criteria: readonly Criterion[],
  leaves: readonly Criterion[],
  weights: readonly number[],
  rows: readonly ScoreSheetRow[],
  prefilled: boolean,
): string[] {
  const bySteps = new Map<number, Criterion[]>();
  for (const c of leaves)
    (bySteps.get(c.stepCp) ?? bySteps.set(c.stepCp, []).get(c.stepCp)!).push(c);
  const [usual, ...others] = [...bySteps.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0] - b[0],
  );
  const quote = (cs: readonly Criterion[]) => cs.map((c) => `“${c.name}”`).join(', ');
  const except = others
    .map(([step, cs]) => `; riêng ${quote(cs)} ${stepPhrase(step).replace(/^chấm /, '')}`)
    .join('');
  const usualText = stepPhrase(usual[0]);
  const notes = [
    `${usualText[0].toUpperCase()}${usualText.slice(1)} theo từng tiêu chí${except}; không vượt quá điểm tối đa ghi trong ngoặc.`,
  ];
  const weighted = leaves.flatMap((c, i) =>
    weights[i] !== 1 ? [`“${c.name}” nhân hệ số ${weights[i]}`] : [],
  );
  if (weighted.length) notes.push(`Khi cộng tổng: ${weighted.join('; ')}.`);
  const objective = [
    ...new Set(
      criteria
        .filter((c) => c.objective && !criteria.some((k) => k.parentId === c.id))
        .map((c) => (partOf(criteria, c.id) ?? c).name),
    ),
  ];
  if (objective.length)
    notes.push(
      `${objective.map((n) => `Phần “${n}”`).join(', ')} do Thư ký ghi điểm theo đáp án, không chấm trên phiếu này.`,
    );
  if (rows.some((r) => r.remark))
    notes.push('Không chấm đội thi, mô hình cùng đơn vị công tác với giám khảo.');
  if (prefilled) {
    notes.push(
      'Điểm in sẵn là điểm đã nhập trên máy; nếu sửa, giám khảo ký nháy bên cạnh chỗ sửa.',
    );
    if (rows.some((r) => !r.remark && r.total === '' && r.cells.some((c) => c !== '')))
      notes.push('Ô “Tổng” để trống ở dòng chưa chấm đủ các tiêu chí.');
  }
  return notes.map((n) => cleanText(n, 2000));
}

function rowsOf(
  entrants: readonly Entrant[],
  leaves: readonly Criterion[],
  weights: readonly number[],
  judge: Judge | null,
  scoreOf: ((judge: JudgeId, entrant: string, criterion: string) => number | null) | null,
  conflict: (e: Entrant) => boolean,
): ScoreSheetRow[] {
  return entrants.map((e, i) => {
    const blocked = conflict(e);
    const cps = leaves.map((c) => {
      const steps = judge && scoreOf && !blocked ? scoreOf(judge.id, e.id, c.id) : null;
      return steps === null ? null : steps * c.stepCp;
    });
    // A partial sum on a signed paper reads as the final total, so the total is printed only when complete.
    const complete = cps.every((cp) => cp !== null);
    const total =
      complete && scoreOf ? cps.reduce<number>((s, cp, k) => s + cp! * weights[k], 0) : null;
    return {
      stt: i + 1,
      name: cleanText(e.name, 300),
      unit: cleanText(e.unit, 300),
      cells: cps.map((cp) => (cp === null ? '' : cleanText(points(cp), MAX_CELL))),
      total: total === null ? '' : cleanText(points(total), MAX_CELL),
      remark: blocked ? 'Không chấm (cùng đơn vị)' : '',
    };
  });
}

/** Date line under the table: the given date, or dotted blanks that the judge fills in. */
function dateLine(place: string, date: string | undefined): string {
  if (date) return vietnameseDateText(place, date);
  const where = cleanText(place, 100);
  return `${where ? `${where}, ngày` : 'Ngày'} …… tháng …… năm ……`;
}

export function buildScoreSheetDoc(input: ScoreSheetInput): ScoreSheetDoc {
  // Two questions, asked apart: conflict wins in buildExclusion, so one call cannot tell "not on
  // this judge's panel" from "on it, but the same unit".
  const assigned = buildExclusion({ ...input.exclusion, conflicts: false, extra: undefined });
  const excluded = buildExclusion(input.exclusion);
  const leavesOf = leavesByRubric(input.criteria);
  const steps = new Map<string, number | null>();
  for (const s of input.scores ?? [])
    steps.set(`${s.judgeId}|${s.entrantId}|${s.criterionId}`, s.steps);
  const scoreOf = input.scores
    ? (j: JudgeId, e: string, c: string) => steps.get(`${j}|${e}|${c}`) ?? null
    : null;
  const judges: (Judge | null)[] = input.judges.length
    ? [...input.judges].sort((a, b) => a.order - b.order)
    : [null];
  const kinds = new Set(input.entrants.map((e) => e.kind));
  const entrantHeader =
    kinds.size === 1 ? (kinds.has('team') ? 'Đội thi' : 'Mô hình') : 'Đội thi / Mô hình';

  const sheets: ScoreSheet[] = [];
  // Cluster by cluster, every judge's sheet together: the secretariat hands out one cluster's papers at a time.
  for (const group of groupsOf(input)) {
    for (const judge of judges) {
      const entrants = judge
        ? group.entrants.filter((e) => assigned(judge, e) !== 'notAssigned')
        : group.entrants;
      const split = splitByRubric(entrants, leavesOf);
      for (const part of split) {
        const { columns, weights, maxTotalCp } = columnsOf(input.criteria, part.leaves);
        const conflict = (e: Entrant) => judge !== null && excluded(judge, e) === 'conflict';
        const rows = rowsOf(part.entrants, part.leaves, weights, judge, scoreOf, conflict);
        const name = judge ? cleanText(judge.name, 200) : '';
        sheets.push({
          title: 'PHIẾU CHẤM ĐIỂM',
          scopeLine: cleanText(
            [input.roundName, group.clusterName]
              .map((s) => cleanText(s, 240))
              .filter(Boolean)
              .join(' – '),
            500,
          ),
          rubricLine:
            split.length > 1 && part.rubric
              ? cleanText(`Áp dụng cho: ${RUBRIC_NAMES[part.rubric] ?? part.rubric}`, 300)
              : '',
          judgeLine: cleanText(`Giám khảo: ${name || DOTS}`, 300),
          entrantHeader,
          columns,
          totalHeader: `Tổng (${points(maxTotalCp)})`,
          rows,
          notes: notesOf(
            input.criteria,
            part.leaves,
            weights,
            rows,
            scoreOf !== null && judge !== null,
          ),
          signature: { title: 'GIÁM KHẢO', hint: '(Ký, ghi rõ họ tên)', name },
        });
      }
    }
  }
  return {
    issuer: input.contest.issuer,
    contestName: cleanText(input.contest.name, 300),
    dateText: cleanText(dateLine(input.contest.issuer.place, input.date), 200),
    // Empty when no cluster has entrants: the IPC schema refuses it, so callers say so before exporting.
    sheets,
    footer: cleanText(`Mã kiểm tra nhật ký chấm điểm: ${input.chainHead}`, 300),
  };
}
