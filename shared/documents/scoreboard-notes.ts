/**
 * The notes printed under a scoreboard sheet, so the paper explains itself: the rule, the prize
 * bands, who GK1…GKn are, why a judge's cell is blank, which scores a trimmed mean dropped,
 * penalties and their reasons, why an entrant is unranked, and how each tie was settled. Pure text
 * from a Tally; row numbers (STT) are the sheet's row order. Not the table itself (scoreboard-doc.ts).
 */
import type { Judge, JudgeId, PrizeTier } from '../model/types';
import { formatCp, formatPoints } from '../scoring/format';
import type { EntrantResult } from '../tally/tally';
import { cleanText, prizePhrase } from './doc-text';

// Limits of shared/documents/models.ts, so a built doc always passes the IPC schema.
const MAX_NOTES = 50;
const MAX_NOTE = 2000;

export type GkIndex = ReadonlyMap<JudgeId, { readonly no: number }>;

const ABSENCE_TEXT = {
  conflict: 'không chấm do xung đột lợi ích (cùng đơn vị)',
  notAssigned: 'không được phân công chấm',
  incomplete: 'chưa chấm đủ các tiêu chí',
} as const;

export function prizeNote(prizes: readonly PrizeTier[] | undefined): string[] {
  if (!prizes || prizes.length === 0) return [];
  const bands = prizes.map((p) => {
    const name = prizePhrase(p.name);
    const count = p.count !== undefined ? `${p.count} ${name}` : name;
    return p.thresholdCp !== undefined
      ? `${count} (từ ${formatPoints(p.thresholdCp, 2)} điểm)`
      : count;
  });
  return [`Cơ cấu giải: ${bands.join('; ')}.`];
}

export function judgesNote(
  panel: readonly Pick<Judge, 'id' | 'name' | 'role'>[],
  gk: GkIndex,
): string[] {
  if (panel.length === 0) return [];
  const list = panel.map(
    (j) =>
      `GK${gk.get(j.id)!.no} – ${cleanText(j.name, 100)}${j.role === 'head' ? ' (Trưởng ban)' : ''}`,
  );
  return [`Giám khảo: ${list.join('; ')}.`];
}

/** One note per reason a judge's cell is empty, listing STT numbers, so blanks never read as zero. */
export function blankCellNotes(results: readonly EntrantResult[], gk: GkIndex): string[] {
  const byReason = new Map<keyof typeof ABSENCE_TEXT, Map<number, number[]>>();
  results.forEach((r, i) => {
    for (const t of r.judgeTotals) {
      if (t.totalCp !== null || t.absence === 'none' || t.absence === 'notAssigned') continue;
      const no = gk.get(t.judgeId)?.no;
      if (no === undefined) continue;
      const perJudge =
        byReason.get(t.absence) ?? byReason.set(t.absence, new Map()).get(t.absence)!;
      (perJudge.get(no) ?? perJudge.set(no, []).get(no)!).push(i + 1);
    }
  });
  return [...byReason].map(([reason, perJudge]) => {
    const parts = [...perJudge]
      .sort((a, b) => a[0] - b[0])
      .map(([no, stts]) => `GK${no} ở STT ${stts.join(', ')}`);
    return `Ô điểm để trống — giám khảo ${ABSENCE_TEXT[reason]}: ${parts.join('; ')}. Kết quả chỉ tính các giám khảo đã chấm, không tính là 0 điểm.`;
  });
}

export function trimmedNote(results: readonly EntrantResult[], gk: GkIndex): string[] {
  const parts: string[] = [];
  results.forEach((r, i) => {
    const nos = r.judgeTotals
      .filter((t) => t.trimmed)
      .map((t) => `GK${gk.get(t.judgeId)?.no ?? '?'}`);
    if (nos.length) parts.push(`STT ${i + 1}: ${nos.join(', ')}`);
  });
  return parts.length
    ? [`Điểm cao nhất, thấp nhất không tính vào kết quả (vẫn ghi trong bảng): ${parts.join('; ')}.`]
    : [];
}

export function penaltyNote(results: readonly EntrantResult[]): string[] {
  const parts: string[] = [];
  results.forEach((r, i) => {
    const own = r.penalties;
    if (own.length)
      parts.push(
        `STT ${i + 1}: ${own.map((p) => `trừ ${formatCp(p.cp)} điểm (${cleanText(p.reason, 200)})`).join(', ')}`,
      );
  });
  return parts.length ? [`Điểm trừ: ${parts.join('; ')}.`] : [];
}

/** Unranked entrants and other per-entrant issues; judges left out are already in the blank-cell note. */
export function issueNotes(results: readonly EntrantResult[]): string[] {
  const out: string[] = [];
  results.forEach((r, i) => {
    const issues = r.issues.filter((x) => x.code !== 'judgeLeftOut');
    if (r.rank === null || issues.length) {
      const why = issues.map((x) => cleanText(x.message, 300)).join(' ');
      out.push(
        `STT ${i + 1} – ${cleanText(r.entrant.name, 120)}${r.rank === null ? ': chưa xếp hạng' : ''}${why ? `. ${why}` : '.'}`,
      );
    }
  });
  return out;
}

/**
 * Equal results side by side: which share a rank, and which a tie-break rule separated (and by what).
 * Shared ranks are named in full on small boards; a province-sized board gets compact STT ranges,
 * since the rank column already shows them and 50 notes could not list hundreds of pairs.
 */
export function tieNotes(
  results: readonly EntrantResult[],
  printed: (r: EntrantResult) => number | null,
): string[] {
  const shared: { rank: number; at: string; first: number; run: readonly EntrantResult[] }[] = [];
  const decided: string[] = [];
  for (let i = 0; i < results.length;) {
    let j = i + 1;
    const v = results[i].resultValue;
    while (
      j < results.length &&
      v !== null &&
      results[j].resultValue === v &&
      results[j].rank !== null
    )
      j++;
    const run = results.slice(i, j);
    const first = i + 1;
    i = j;
    if (run.length < 2 || run[0].rank === null) continue;
    const value = printed(run[0]);
    const at = value !== null ? `cùng ${value.toFixed(2).replace('.', ',')} điểm` : 'bằng kết quả';
    const label = (r: EntrantResult, k: number) =>
      `STT ${first + k} – ${cleanText(r.entrant.name, 120)}`;
    if (run.every((r) => r.rank === run[0].rank)) {
      shared.push({ rank: run[0].rank, at, first, run });
    } else {
      const rules = [
        ...new Set(run.map((r) => r.decidedBy).filter((d): d is string => d !== null)),
      ];
      const ranked = run.map((r, k) => `${label(r, k)} (hạng ${r.rank})`).join('; ');
      decided.push(
        `Bằng kết quả (${at}): ${ranked}; phân định theo: ${rules.join(', ') || 'quy tắc phụ của vòng thi'}.`,
      );
    }
  }
  const sharedNotes =
    shared.length <= 10
      ? shared.map(
          (g) =>
            `Đồng hạng ${g.rank} (${g.at}): ${g.run.map((r, k) => `STT ${g.first + k} – ${cleanText(r.entrant.name, 120)}`).join('; ')}.`,
        )
      : chunked(
          'Đồng hạng (cùng kết quả): ',
          shared.map((g) => `hạng ${g.rank} – STT ${g.first}–${g.first + g.run.length - 1}`),
        );
  return [...decided, ...sharedNotes];
}

/** Items joined with "; " into as few notes as fit the note limit, each starting with `prefix`. */
function chunked(prefix: string, items: readonly string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const item of items) {
    if (cur && prefix.length + cur.length + item.length + 3 > MAX_NOTE) {
      out.push(`${prefix}${cur}.`);
      cur = '';
    }
    cur = cur ? `${cur}; ${item}` : item;
  }
  if (cur) out.push(`${prefix}${cur}.`);
  return out;
}

/** Keep within the schema: each note ≤ 2000 chars, at most 50 (the rest counted in the last one). */
export function capNotes(notes: readonly string[]): string[] {
  const clipped = notes.map((n) => cleanText(n, MAX_NOTE)).filter(Boolean);
  if (clipped.length <= MAX_NOTES) return clipped;
  const kept = clipped.slice(0, MAX_NOTES - 1);
  return [
    ...kept,
    `… và ${clipped.length - kept.length} ghi chú khác (xem bảng xếp hạng trên màn hình).`,
  ];
}
