/**
 * The prize ladder as lines of text, the way a board writes it, one tier a line:
 *   "Giải Nhất: 1"                    a count
 *   "Công nhận: ≥ 80"                 a threshold in points (comma decimals allowed)
 *   "Tiêu biểu: ≥ 92,5, tối đa 10"    a threshold with a count
 *   "Giải Khuyến khích: còn lại"      everyone left (a tier with neither, see ladder.ts)
 * and the ladders per khối as "[Tên khối]" lines, each followed by its tiers.
 *
 * formatLadder and parseLadder are exact inverses on every valid ladder (names trimmed, non-empty,
 * on one line, unique): a form that shows a ladder and saves it back unchanged changes nothing.
 * The name is everything before the line's last colon, so a name may itself contain colons.
 *
 * Not here: what a ladder awards (ladder.ts).
 */
import type { GroupLadder, PrizeTier } from '../model/types';
import { formatCp } from '../scoring/format';
import { parseCentipoints } from '../scoring/score-value';
import { foldVietnamese } from '../text/vietnamese';

/** What a tier without count or threshold is written as. */
export const REST_TEXT = 'còn lại';
/** Accepted spellings of "everyone left", folded (tones optional): "còn lại", "các đội còn lại", "tất cả còn lại"… */
const REST =
  /^(?:(?:cac|tat ca(?: cac)?) (?:doi|mo hinh|don vi|ca nhan|tap the) |tat ca )?con lai$/;

export type LadderParse =
  | { readonly ok: true; readonly tiers: PrizeTier[] }
  | { readonly ok: false; readonly problems: readonly string[] };
export type GroupLadderParse =
  | { readonly ok: true; readonly ladders: GroupLadder[] }
  | { readonly ok: false; readonly problems: readonly string[] };

export function formatTier(t: PrizeTier): string {
  if (t.thresholdCp !== undefined)
    return `${t.name}: ≥ ${formatCp(t.thresholdCp)}${t.count !== undefined ? `, tối đa ${t.count}` : ''}`;
  return `${t.name}: ${t.count ?? REST_TEXT}`;
}

export function formatLadder(tiers: readonly PrizeTier[]): string {
  return tiers.map(formatTier).join('\n');
}

const splitLines = (text: string) => text.split(/\r\n|\n|\r/);

/** One tier line, or the reason it is not one (without the line number). */
function parseTier(line: string): PrizeTier | string {
  const colon = line.lastIndexOf(':');
  if (colon < 0)
    return 'cần dạng “Tên giải: số lượng”, “Tên giải: ≥ điểm” hoặc “Tên giải: còn lại”.';
  const name = line.slice(0, colon).trim();
  const value = line.slice(colon + 1).trim();
  if (name === '') return 'thiếu tên giải trước dấu “:”.';
  if (/^\d+$/.test(value)) {
    const count = Number(value);
    return Number.isSafeInteger(count) ? { name, count } : `số lượng “${value}” quá lớn.`;
  }
  const threshold = /^(?:≥|>=)\s*(\d[\d.,]*?)(?:\s*[,;]\s*tối đa\s*(\d+))?$/i.exec(value);
  if (threshold) {
    const cp = parseCentipoints(threshold[1]);
    if (cp === null || cp === 'fraction')
      return `ngưỡng điểm “${threshold[1]}” không hợp lệ (tối đa 2 chữ số thập phân).`;
    if (threshold[2] === undefined) return { name, thresholdCp: cp };
    const count = Number(threshold[2]);
    return Number.isSafeInteger(count)
      ? { name, count, thresholdCp: cp }
      : `số lượng “${threshold[2]}” quá lớn.`;
  }
  if (REST.test(foldVietnamese(value))) return { name };
  if (/^-?[\d.,]+$/.test(value)) return `số lượng giải “${value}” phải là số nguyên không âm.`;
  return `“${value}” không phải số lượng, ngưỡng “≥ điểm” hay “${REST_TEXT}”.`;
}

/** Every problem of the ladder's lines at once, each with its line number in the whole text. */
function readTiers(lines: readonly { text: string; n: number }[]): {
  tiers: PrizeTier[];
  problems: string[];
} {
  const tiers: PrizeTier[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let restAt: number | null = null;
  for (const { text, n } of lines) {
    const t = parseTier(text);
    if (typeof t === 'string') {
      problems.push(`Dòng ${n} “${text}”: ${t}`);
      continue;
    }
    // Overrides and count changes name their tier, so two tiers with one name would be ambiguous.
    if (seen.has(t.name)) problems.push(`Dòng ${n}: giải “${t.name}” đã có ở dòng trên.`);
    seen.add(t.name);
    if (restAt !== null)
      problems.push(
        `Dòng ${restAt}: giải “${REST_TEXT}” phải là giải cuối cùng (các giải sau nó không còn ai).`,
      );
    restAt = t.count === undefined && t.thresholdCp === undefined ? n : null;
    tiers.push(t);
  }
  return { tiers, problems };
}

const numbered = (text: string) =>
  splitLines(text)
    .map((l, i) => ({ text: l.trim(), n: i + 1 }))
    .filter((l) => l.text !== '');

export function parseLadder(text: string): LadderParse {
  const { tiers, problems } = readTiers(numbered(text));
  return problems.length ? { ok: false, problems } : { ok: true, tiers };
}

export function formatGroupLadders(ladders: readonly GroupLadder[]): string {
  return ladders.map((g) => [`[${g.group}]`, ...g.prizes.map(formatTier)].join('\n')).join('\n');
}

/** "[Khối]" lines, each followed by that khối's tiers; every problem at once, numbered by line. */
export function parseGroupLadders(text: string): GroupLadderParse {
  const problems: string[] = [];
  const blocks: { group: string; lines: { text: string; n: number }[] }[] = [];
  for (const line of numbered(text)) {
    const head = /^\[(.*)\]$/.exec(line.text);
    if (head) {
      const group = head[1].trim();
      if (group === '') problems.push(`Dòng ${line.n}: thiếu tên khối trong “[ ]”.`);
      else if (blocks.some((b) => b.group === group))
        problems.push(`Dòng ${line.n}: khối “${group}” đã có ở trên.`);
      blocks.push({ group, lines: [] });
    } else if (blocks.length === 0) {
      problems.push(
        `Dòng ${line.n} “${line.text}”: cần dòng “[Tên khối]” trước các giải của khối.`,
      );
    } else {
      blocks[blocks.length - 1].lines.push(line);
    }
  }
  const ladders: GroupLadder[] = [];
  for (const b of blocks) {
    const read = readTiers(b.lines);
    problems.push(
      ...read.problems.map((p) => `Khối “${b.group}”, ${p.charAt(0).toLowerCase()}${p.slice(1)}`),
    );
    ladders.push({ group: b.group, prizes: read.tiers });
  }
  return problems.length ? { ok: false, problems } : { ok: true, ladders };
}
