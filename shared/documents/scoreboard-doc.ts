/**
 * Builds the scoreboard (bảng tổng hợp điểm) as data: one sheet per result group (a cluster, or the
 * whole round), with STT · entrant · unit · GK1…GKn · total · mean · [objective · penalty · result]
 * · rank · prize, and the notes a signed paper needs (scoreboard-notes.ts). Pure: no clock, no I/O.
 * It is not the writer (electron/main/exports/scoreboard-xlsx.ts decides layout) and not the tally:
 * it only reads a Tally and rounds for print, half-up from the exact fraction. Provisional results
 * (shared/results/completeness.ts) say so in every sheet's title, in a mark listing what is missing
 * and in the first note; absences recorded with a reason are noted on final results too.
 */
import type { ClusterId, Contest, EntrantId, Judge, JudgeId, PrizeTier } from '../model/types';
import type { EntrantResult, Tally } from '../tally/tally';
import { cleanText, printedPoints, sanitizeSheetName } from './doc-text';
import type { Cell, Column, ProvisionalMark, ScoreboardDoc, Sheet } from './models';
import { PROVISIONAL_LABEL, type Completeness } from '../results/completeness';
import {
  blankCellNotes,
  capNotes,
  issueNotes,
  judgesNote,
  penaltyNote,
  prizeNote,
  tieNotes,
  trimmedNote,
} from './scoreboard-notes';

export interface ScoreboardGroup {
  /** e.g. "Cụm thi số 1", or the round's name when the whole round is one group. */
  readonly title: string;
  readonly tally: Tally;
}

export interface ScoreboardInput {
  readonly contest: Pick<Contest, 'name' | 'issuer'>;
  readonly roundName: string;
  /** Printed under the heading, e.g. "Hà Nội, ngày 15 tháng 10 năm 2026". */
  readonly dateText?: string;
  readonly venue?: string;
  readonly groups: readonly ScoreboardGroup[];
  /** In GK order: GK1 is judges[0]. */
  readonly judges: readonly Pick<Judge, 'id' | 'name' | 'role'>[];
  readonly prizeOf: (entrantId: EntrantId) => string | undefined;
  /** Adds a "Cụm thi" column to a sheet whose entrants come from more than one cluster. */
  readonly clusterNameOf?: (clusterId: ClusterId) => string | undefined;
  /** The round's prize ladder, printed as the prize-band note. */
  readonly prizes?: readonly PrizeTier[];
  /** Header of the judges' aggregate column; by default it follows the policy ("Trung bình", "Trung vị"). */
  readonly resultHeader?: string;
  readonly secretaryName?: string;
  /** Journal chain head, printed so the paper can be checked against the journal. */
  readonly chainHead: string;
  /** Whether the round's results are final (roundCompleteness); absent = not checked, printed as final. */
  readonly completeness?: Pick<Completeness, 'provisional' | 'missing' | 'excused'>;
}

const MAX_CELL = 2000;
const TITLE = 'BẢNG TỔNG HỢP ĐIỂM';
const MAX_MARK_LINES = 200;

/** The mark a provisional document carries: the label, then one line per missing sheet. */
export function provisionalMark(
  c: Pick<Completeness, 'provisional' | 'missing'> | undefined,
): ProvisionalMark | undefined {
  if (!c?.provisional) return undefined;
  const lines = c.missing.map((m) => cleanText(m.message, 500));
  const kept =
    lines.length > MAX_MARK_LINES
      ? [
          ...lines.slice(0, MAX_MARK_LINES - 1),
          `… và ${lines.length - MAX_MARK_LINES + 1} mục khác chưa đủ.`,
        ]
      : lines;
  return {
    label: `${PROVISIONAL_LABEL} — chưa đủ phiếu chấm, chưa dùng để công bố hay trao giải`,
    lines: kept,
  };
}

/** The first notes: provisional (how much is missing, listed at the top) and absences with their reasons. */
function completenessNotes(c: ScoreboardInput['completeness']): string[] {
  if (!c) return [];
  const out: string[] = [];
  if (c.provisional) {
    const sheets = c.missing.filter((m) => m.reason !== 'noPanel').length;
    const groups = c.missing.length - sheets;
    const what = [
      sheets ? `còn ${sheets} phiếu chấm chưa nộp` : '',
      groups ? `${groups} nhóm chưa có giám khảo chấm` : '',
    ]
      .filter(Boolean)
      .join(', ');
    out.push(
      `${PROVISIONAL_LABEL}: ${what} (danh sách ở đầu bảng). Kết quả có thể thay đổi khi đủ phiếu chấm.`,
    );
  }
  if (c.excused.length)
    out.push(
      `Giám khảo không nộp phiếu, có ghi lý do (kết quả không chờ phiếu của họ): ${c.excused.map((e) => e.message).join('; ')}.`,
    );
  return out;
}

export function buildScoreboardDoc(input: ScoreboardInput): ScoreboardDoc {
  const taken = new Set<string>();
  const sheets = input.groups.map((g) => {
    const sheet = buildSheet(input, g, taken);
    taken.add(sheet.name.toLowerCase());
    return sheet;
  });
  const head = input.judges.find((j) => j.role === 'head');
  return {
    issuer: input.contest.issuer,
    contestName: cleanText(input.contest.name, 300),
    dateText: cleanText(input.dateText ?? '', 200),
    sheets,
    signatures: [
      { title: 'THƯ KÝ', name: cleanText(input.secretaryName ?? '', 200) },
      { title: 'TRƯỞNG BAN GIÁM KHẢO', name: cleanText(head?.name ?? '', 200) },
    ],
    footer: cleanText(`Mã kiểm tra nhật ký chấm điểm: ${input.chainHead}`, 300),
    ...(input.completeness?.provisional
      ? { provisional: provisionalMark(input.completeness) }
      : {}),
  };
}

/** A column and how each result fills it; optional columns appear only when some entrant needs them. */
interface Field {
  readonly column: Column;
  readonly cell: (r: EntrantResult, stt: number) => Cell;
}

const num = (header: string, width: number, cell: Field['cell']): Field => ({
  column: { header, kind: 'number', decimals: 2, width },
  cell,
});

type PanelJudge = Pick<Judge, 'id' | 'name' | 'role'>;

/** A judge is a column when they were on this group's panel (cluster panels differ). */
function panelOf(input: ScoreboardInput, results: readonly EntrantResult[]): PanelJudge[] {
  const onPanel = (id: JudgeId) =>
    results.length === 0 ||
    results.some((r) => r.judgeTotals.some((t) => t.judgeId === id && t.absence !== 'notAssigned'));
  return input.judges.filter((j) => onPanel(j.id));
}

function fields(input: ScoreboardInput, tally: Tally, panel: readonly PanelJudge[]): Field[] {
  const results = tally.results;
  const gk = new Map(input.judges.map((j, i) => [j.id, i + 1]));
  const clusters = new Set(
    results.map((r) => r.entrant.clusterId).filter((c): c is ClusterId => c !== null),
  );
  const clusterName = input.clusterNameOf && clusters.size > 1 ? input.clusterNameOf : undefined;
  const kinds = new Set(results.map((r) => r.entrant.kind));
  const entrantHeader =
    kinds.size === 1 ? (kinds.has('team') ? 'Đội thi' : 'Mô hình') : 'Đội/Mô hình';
  const widthFor = (xs: readonly string[], min: number, max: number) =>
    Math.min(max, Math.max(min, ...xs.map((x) => x.length + 2)));
  const hasObjective = results.some((r) => r.objectiveCp !== 0 || r.objectiveMissing.length > 0);
  const hasPenalty = results.some((r) => r.penaltyCp > 0);
  const isZ = tally.policy.kind === 'zScore';
  const meanHeader =
    input.resultHeader ?? (tally.policy.kind === 'median' ? 'Trung vị' : 'Trung bình');
  const text = (s: string) => cleanText(s, MAX_CELL);

  return [
    { column: { header: 'STT', kind: 'integer', width: 6 }, cell: (_r, stt) => stt },
    {
      column: {
        header: entrantHeader,
        kind: 'text',
        width: widthFor(
          results.map((r) => r.entrant.name),
          20,
          45,
        ),
      },
      cell: (r) => text(r.entrant.name),
    },
    {
      column: {
        header: 'Đơn vị',
        kind: 'text',
        width: widthFor(
          results.map((r) => r.entrant.unit),
          14,
          35,
        ),
      },
      cell: (r) => text(r.entrant.unit),
    },
    ...(clusterName
      ? [
          {
            column: { header: 'Cụm thi', kind: 'text', width: 12 },
            cell: (r) =>
              r.entrant.clusterId ? text(clusterName(r.entrant.clusterId) ?? '') : null,
          } satisfies Field,
        ]
      : []),
    ...panel.map((j) =>
      num(`GK${gk.get(j.id)}`, 8, (r) => {
        const cp = r.judgeTotals.find((t) => t.judgeId === j.id)?.totalCp ?? null;
        return cp === null ? null : cp / 100; // integer centipoints: exact to 2 decimals
      }),
    ),
    num('Tổng', 9, (r) =>
      r.counted > 0
        ? r.judgeTotals.reduce(
            (s, t) => (t.totalCp !== null && !t.trimmed ? s + t.totalCp : s),
            0,
          ) / 100
        : null,
    ),
    num(cleanText(meanHeader, 200), 11, (r) => printedPoints(r.judgedCp)),
    ...(hasObjective
      ? [
          num('Phần khách quan', 11, (r) =>
            r.objectiveMissing.length ? null : r.objectiveCp / 100,
          ),
        ]
      : []),
    // A penalty prints as a negative number (−0,5), never as text, so the row still adds up in Excel.
    ...(hasPenalty
      ? [num('Điểm trừ', 8, (r) => (r.penaltyCp > 0 ? -r.penaltyCp / 100 : null))]
      : []),
    ...(hasObjective || hasPenalty || isZ
      ? [num(isZ ? 'Kết quả (chuẩn hóa)' : 'Kết quả', 11, (r) => resultPoints(r, isZ))]
      : []),
    { column: { header: 'Xếp hạng', kind: 'integer', width: 8 }, cell: (r) => r.rank },
    {
      column: { header: 'Giải', kind: 'text', width: 16 },
      cell: (r) => {
        const prize = input.prizeOf(r.entrant.id);
        return prize ? text(prize) : null;
      },
    },
  ];
}

/** The ranked value as printed: the exact result, or under z-scores the standardised points (a float). */
function resultPoints(r: EntrantResult, isZ: boolean): number | null {
  if (r.result === null) return null;
  return isZ && r.standardisedCp !== null
    ? printedPoints(r.standardisedCp)
    : printedPoints(r.result);
}

function buildSheet(
  input: ScoreboardInput,
  group: ScoreboardGroup,
  taken: ReadonlySet<string>,
): Sheet {
  const { tally } = group;
  const results = tally.results;
  const panel = panelOf(input, results);
  const table = fields(input, tally, panel);
  const gk = new Map(input.judges.map((j, i) => [j.id, { no: i + 1 }]));
  const isZ = tally.policy.kind === 'zScore';
  const subtitle = [
    input.roundName,
    group.title === input.roundName ? '' : group.title,
    input.venue ? `Địa điểm: ${input.venue}` : '',
  ]
    .map((s) => cleanText(s, 300))
    .filter(Boolean)
    .join(' — ');
  return {
    name: sanitizeSheetName(group.title || input.roundName, taken),
    title: input.completeness?.provisional ? `${TITLE} (${PROVISIONAL_LABEL})` : TITLE,
    subtitle: cleanText(subtitle, 500),
    columns: table.map((f) => f.column),
    rows: results.map((r, i) => table.map((f) => f.cell(r, i + 1))),
    notes: capNotes([
      ...completenessNotes(input.completeness),
      `Cách tính: ${tally.ruleText}`,
      ...tally.notes,
      ...prizeNote(input.prizes),
      ...judgesNote(panel, gk),
      ...blankCellNotes(results, gk),
      ...penaltyNote(results),
      ...issueNotes(results),
      ...trimmedNote(results, gk),
      ...tieNotes(results, (r) => resultPoints(r, isZ)),
    ]),
  };
}
