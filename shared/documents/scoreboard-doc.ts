/**
 * Builds the scoreboard (bảng tổng hợp điểm) as data: one sheet per result group (a cluster, or the
 * whole round), with STT · entrant · unit · GK1…GKn · total · mean · rank · prize, and the notes a
 * signed paper needs (rule, prize bands, judges, empty cells, ties). Pure: no clock, no I/O. It is
 * not the writer (electron/main/exports/scoreboard-xlsx.ts decides layout) and not the tally: it
 * only reads a Tally and rounds for print, half-up from the exact fraction.
 */
import type { ClusterId, Contest, EntrantId, Judge, JudgeId, PrizeTier } from '../model/types';
import { formatPoints } from '../scoring/format';
import type { EntrantResult, Tally } from '../tally/tally';
import type { Column, ScoreboardDoc, Sheet } from './models';

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
  /** Header of the result column; "Trung bình" fits the default mean policy. */
  readonly resultHeader?: string;
  readonly secretaryName?: string;
  /** Journal chain head, printed so the paper can be checked against the journal. */
  readonly chainHead: string;
}

// Limits of shared/documents/models.ts, so a built doc always passes the IPC schema.
const MAX_NOTES = 50;
const MAX_NOTE = 2000;
const MAX_CELL = 2000;

/** NFC (imports may carry decomposed tones), single spaces, cut to `max` with an ellipsis. */
export function cleanText(s: string, max: number): string {
  const t = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** "Nhất" → "giải Nhất"; "Giải xuất sắc" → "giải xuất sắc": tier names are free text. */
export function prizePhrase(tier: string): string {
  return `giải ${cleanText(tier, 100).replace(/^giải\s+/i, '')}`;
}

const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;

/** Excel's sheet-name rules: ≤ 31 chars, none of []:*?/\, no edge apostrophe, unique ignoring case. */
export function sanitizeSheetName(name: string, taken: ReadonlySet<string>): string {
  let base = cleanText(name.replace(SHEET_FORBIDDEN, ' '), 200).replace(/^'+|'+$/g, '').trim();
  if (!base || base.toLowerCase() === 'history') base = 'Bảng điểm';
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? '' : ` (${k})`;
    const candidate = `${base.slice(0, 31 - suffix.length).replace(/'+$/, '').trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Rounded for print from the exact fraction (half-up), stored as a number so Excel can sum it. */
const printed = (r: EntrantResult): number | null => (r.result ? Number(formatPoints(r.result, 2).replace(',', '.')) : null);

const ABSENCE_TEXT = {
  conflict: 'không chấm do xung đột lợi ích (cùng đơn vị)',
  notAssigned: 'không được phân công chấm',
  incomplete: 'chưa chấm đủ các tiêu chí',
} as const;

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
  };
}

function buildSheet(input: ScoreboardInput, group: ScoreboardGroup, taken: ReadonlySet<string>): Sheet {
  const results = group.tally.results;
  const gk = new Map(input.judges.map((j, i) => [j.id, { no: i + 1, judge: j }]));
  // A judge is a column when they were on this group's panel; cluster panels differ.
  const onPanel = (id: JudgeId) => results.length === 0 || results.some((r) => r.judgeTotals.some((t) => t.judgeId === id && t.absence !== 'notAssigned'));
  const panel = input.judges.filter((j) => onPanel(j.id));
  const clusterIds = new Set(results.map((r) => r.entrant.clusterId).filter((c): c is ClusterId => c !== null));
  const clusterName = input.clusterNameOf && clusterIds.size > 1 ? input.clusterNameOf : undefined;

  const kinds = new Set(results.map((r) => r.entrant.kind));
  const entrantHeader = kinds.size === 1 ? (kinds.has('team') ? 'Đội thi' : 'Mô hình') : 'Đội/Mô hình';
  const longest = (xs: readonly string[], min: number, max: number) => Math.min(max, Math.max(min, ...xs.map((x) => x.length + 2)));
  const columns: Column[] = [
    { header: 'STT', kind: 'integer', width: 6 },
    { header: entrantHeader, kind: 'text', width: longest(results.map((r) => r.entrant.name), 20, 45) },
    { header: 'Đơn vị', kind: 'text', width: longest(results.map((r) => r.entrant.unit), 14, 35) },
    ...(clusterName ? [{ header: 'Cụm thi', kind: 'text' as const, width: 12 }] : []),
    ...panel.map((j) => ({ header: `GK${gk.get(j.id)!.no}`, kind: 'number' as const, decimals: 2, width: 8 })),
    { header: 'Tổng', kind: 'number', decimals: 2, width: 9 },
    { header: cleanText(input.resultHeader ?? 'Trung bình', 200), kind: 'number', decimals: 2, width: 11 },
    { header: 'Xếp hạng', kind: 'integer', width: 8 },
    { header: 'Giải', kind: 'text', width: 16 },
  ];

  const rows = results.map((r, i) => {
    const byJudge = new Map(r.judgeTotals.map((t) => [t.judgeId, t]));
    const countedCp = r.judgeTotals.reduce((s, t) => (t.totalCp !== null && !t.trimmed ? s + t.totalCp : s), 0);
    const prize = input.prizeOf(r.entrant.id);
    return [
      i + 1,
      cleanText(r.entrant.name, MAX_CELL),
      cleanText(r.entrant.unit, MAX_CELL),
      ...(clusterName ? [r.entrant.clusterId ? cleanText(clusterName(r.entrant.clusterId) ?? '', MAX_CELL) : null] : []),
      ...panel.map((j) => {
        const cp = byJudge.get(j.id)?.totalCp ?? null;
        return cp === null ? null : cp / 100;
      }),
      r.counted > 0 ? countedCp / 100 : null,
      printed(r),
      r.rank,
      prize ? cleanText(prize, MAX_CELL) : null,
    ];
  });

  const subtitle = [input.roundName, group.title === input.roundName ? '' : group.title, input.venue ? `Địa điểm: ${input.venue}` : '']
    .map((s) => cleanText(s, 300))
    .filter(Boolean)
    .join(' — ');
  return {
    name: sanitizeSheetName(group.title || input.roundName, taken),
    title: 'BẢNG TỔNG HỢP ĐIỂM',
    subtitle: cleanText(subtitle, 500),
    columns,
    rows,
    notes: capNotes([
      `Cách tính: ${group.tally.ruleText}`,
      ...prizeNote(input.prizes),
      judgesNote(panel, gk),
      ...blankCellNotes(results, gk),
      ...trimmedNote(results, gk),
      ...tieNotes(results),
    ]),
  };
}

function prizeNote(prizes: readonly PrizeTier[] | undefined): string[] {
  if (!prizes || prizes.length === 0) return [];
  const bands = prizes.map((p) => {
    const name = prizePhrase(p.name);
    const count = p.count !== undefined ? `${p.count} ${name}` : name;
    return p.thresholdCp !== undefined ? `${count} (từ ${formatPoints(p.thresholdCp, 2)} điểm)` : count;
  });
  return [`Cơ cấu giải: ${bands.join('; ')}.`];
}

type GkIndex = ReadonlyMap<JudgeId, { readonly no: number; readonly judge: Pick<Judge, 'name' | 'role'> }>;

function judgesNote(panel: readonly Pick<Judge, 'id' | 'name' | 'role'>[], gk: GkIndex): string {
  const list = panel.map((j) => `GK${gk.get(j.id)!.no} – ${cleanText(j.name, 100)}${j.role === 'head' ? ' (Trưởng ban)' : ''}`);
  return `Giám khảo: ${list.join('; ')}.`;
}

/** One note per reason a judge's cell is empty, listing STT numbers, so blanks never read as zero. */
function blankCellNotes(results: readonly EntrantResult[], gk: GkIndex): string[] {
  const byReason = new Map<keyof typeof ABSENCE_TEXT, Map<number, number[]>>();
  results.forEach((r, i) => {
    for (const t of r.judgeTotals) {
      if (t.totalCp !== null || t.absence === 'none' || t.absence === 'notAssigned') continue;
      const no = gk.get(t.judgeId)?.no;
      if (no === undefined) continue;
      const perJudge = byReason.get(t.absence) ?? byReason.set(t.absence, new Map()).get(t.absence)!;
      (perJudge.get(no) ?? perJudge.set(no, []).get(no)!).push(i + 1);
    }
  });
  return [...byReason].map(([reason, perJudge]) => {
    const parts = [...perJudge].sort((a, b) => a[0] - b[0]).map(([no, stts]) => `GK${no} ở STT ${stts.join(', ')}`);
    return `Ô điểm để trống — giám khảo ${ABSENCE_TEXT[reason]}: ${parts.join('; ')}. Kết quả chỉ tính các giám khảo đã chấm, không tính là 0 điểm.`;
  });
}

function trimmedNote(results: readonly EntrantResult[], gk: GkIndex): string[] {
  const parts: string[] = [];
  results.forEach((r, i) => {
    const nos = r.judgeTotals.filter((t) => t.trimmed).map((t) => `GK${gk.get(t.judgeId)?.no ?? '?'}`);
    if (nos.length) parts.push(`STT ${i + 1}: ${nos.join(', ')}`);
  });
  return parts.length ? [`Điểm cao nhất, thấp nhất không tính vào kết quả (vẫn ghi trong bảng): ${parts.join('; ')}.`] : [];
}

/** Equal results side by side: say whether they share a rank or which tie-break rule separated them. */
function tieNotes(results: readonly EntrantResult[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < results.length; ) {
    let j = i + 1;
    const v = results[i].resultValue;
    while (j < results.length && v !== null && results[j].resultValue === v && results[j].rank !== null) j++;
    const run = results.slice(i, j);
    const start = i;
    const label = (r: EntrantResult, k: number) => `STT ${start + k + 1} – ${cleanText(r.entrant.name, 120)}`;
    i = j;
    if (run.length < 2 || run[0].rank === null) continue;
    const at = run[0].result ? `cùng ${formatPoints(run[0].result, 2)} điểm` : 'bằng kết quả';
    if (run.every((r) => r.rank === run[0].rank)) {
      out.push(`Đồng hạng ${run[0].rank} (${at}): ${run.map((r, k) => label(r, k)).join('; ')}.`);
    } else {
      const rules = [...new Set(run.map((r) => r.decidedBy).filter((d): d is string => d !== null))];
      const ranked = run.map((r, k) => `${label(r, k)} (hạng ${r.rank})`).join('; ');
      out.push(`Bằng kết quả (${at}): ${ranked}; phân định theo: ${rules.join(', ') || 'quy tắc phụ của vòng thi'}.`);
    }
  }
  return out;
}

/** Keep within the schema: each note ≤ 2000 chars, at most 50 (the rest counted in the last one). */
function capNotes(notes: readonly string[]): string[] {
  const clipped = notes.map((n) => cleanText(n, MAX_NOTE));
  if (clipped.length <= MAX_NOTES) return clipped;
  const kept = clipped.slice(0, MAX_NOTES - 1);
  return [...kept, `… và ${clipped.length - kept.length} ghi chú khác (xem bảng xếp hạng trên màn hình).`];
}
