/**
 * "Kiểm tra toàn vẹn": checks a journal file's lines and names the first bad one, with a reason in
 * Vietnamese. A line is good when it is exactly the canonical JSON of a valid event whose hash is
 * the SHA-256 of that event without its hash, belongs to the contest, and continues its device's
 * chain: seq one more than the device's previous line, prev equal to that line's hash.
 *
 * Why each check: requiring the exact canonical bytes (not just "parses to the same event") means
 * any change of any byte of a line either breaks its JSON, its format, its canonical form or its
 * hash — so the change is reported at that very line, never only at the next one. The chain catches
 * a deleted, repeated or reordered line of one device. What no local check can catch: the last
 * events of a chain removed, or a whole chain rewritten — compare chainHead with the one printed on
 * documents for that.
 *
 * A quick mode (strict: false) for rebuilding skips the zod parse and the canonical re-serialisation
 * but still ties every byte of a line to its hash, so the single-byte guarantee holds there too.
 *
 * Not here: reading files (the main side's journal store), deciding what events mean (projection.ts).
 */
import type { JournalCheck } from '../bridge/contract';
import {
  canonicalJson,
  chainHead,
  GENESIS,
  isJournalEventShape,
  journalEventSchema,
  sha256Hex,
  type JournalEvent,
} from './event';

export interface VerifyOptions {
  /** Lines of another contest are bad (a file copied into the wrong place). */
  readonly contestId?: string;
  /** Same function as event.ts sha256Hex; the main side passes node:crypto's, which is ~10× faster. */
  readonly sha256Hex?: (text: string) => string;
  /** 0-based indexes of lines whose bytes were not valid UTF-8 (the reader knows, a string does not). */
  readonly undecodable?: ReadonlySet<number>;
  /**
   * true (default): the zod schema and the exact canonical bytes — for "Kiểm tra toàn vẹn".
   * false: the hand-written shape check, the hash over the line's own bytes, no canonical
   * re-serialisation — for rebuilding, ~3× faster. Both report every single-byte change at its
   * line; only a line deliberately rewritten in another JSON spelling with a matching hash passes
   * the quick mode (it can't be written by this app, and a forger could as well write it canonically).
   */
  readonly strict?: boolean;
}

export interface LineCheck extends JournalCheck {
  /** Every line that is, by itself, an intact event of the contest — in file order. */
  readonly valid: readonly JournalEvent[];
  /** Number of bad lines (the first is in firstBad). */
  readonly badLines: number;
}

export type ParsedLine =
  | { readonly ok: true; readonly event: JournalEvent }
  | { readonly ok: false; readonly reason: string };

/** `,"hash":"` + 64 hex + `"}` ends every canonical line. */
const HASH_TAIL = 9 + 64 + 2;

const lineNo = (index: number) => `Dòng ${index + 1}`;

/** One line by itself: format, canonical form and hash. Chain links are checked by verifyLines. */
export function parseLine(line: string, index: number, opts: VerifyOptions = {}): ParsedLine {
  const problem = lineProblem(line, index, opts);
  return typeof problem === 'string'
    ? { ok: false, reason: `${lineNo(index)}: ${problem}` }
    : { ok: true, event: problem };
}

/** The event, or why the line is bad (without the line number). No closures: this runs once per line. */
function lineProblem(line: string, index: number, opts: VerifyOptions): JournalEvent | string {
  if (opts.undecodable?.has(index)) return 'có byte không phải văn bản UTF-8 — nội dung đã bị sửa.';
  if (line.trim() === '') return 'dòng trống — tệp đã bị sửa.';
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return 'không đọc được (không phải JSON hợp lệ) — nội dung đã bị sửa.';
  }
  const strict = opts.strict ?? true;
  let e: JournalEvent;
  if (!strict && isJournalEventShape(raw)) e = raw;
  else {
    const parsed = journalEventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return `sai định dạng sự kiện (${issue?.path.join('.') || 'toàn dòng'}: ${issue?.message ?? ''}) — nội dung đã bị sửa.`;
    }
    e = parsed.data;
  }
  if (strict && canonicalJson(e) !== line)
    return 'không đúng dạng chuẩn của sự kiện — nội dung đã bị sửa.';
  // The hashed text is the line with its hash field cut off. For a canonical line that is exactly
  // what hashEvent hashes; in the quick mode it still ties every byte of the line to the hash.
  if (
    line.slice(line.length - HASH_TAIL, line.length - 66) !== ',"hash":"' ||
    line.slice(line.length - 66, line.length - 2) !== e.hash ||
    !line.endsWith('"}')
  ) {
    return 'không đúng dạng chuẩn của sự kiện — nội dung đã bị sửa.';
  }
  const hashed = `${line.slice(0, line.length - HASH_TAIL)}}`;
  if ((opts.sha256Hex ?? sha256Hex)(hashed) !== e.hash)
    return 'mã băm không khớp — nội dung đã bị sửa.';
  if (opts.contestId !== undefined && e.contestId !== opts.contestId)
    return `sự kiện thuộc cuộc thi khác (“${e.contestId}”) — tệp bị chép lẫn.`;
  return e;
}

export function verifyLines(lines: readonly string[], opts: VerifyOptions = {}): LineCheck {
  const valid: JournalEvent[] = [];
  let firstBad: JournalCheck['firstBad'] = null;
  let badLines = 0;
  const report = (line: number, reason: string) => {
    badLines++;
    firstBad ??= { line, reason };
  };
  const last = new Map<string, JournalEvent>(); // per device, the good line with the highest seq so far
  for (let i = 0; i < lines.length; i++) {
    const p = parseLine(lines[i], i, opts);
    if (!p.ok) {
      report(i, p.reason);
      continue;
    }
    const e = p.event;
    valid.push(e);
    const before = last.get(e.deviceId);
    const link = chainProblem(e, before);
    if (link) report(i, `${lineNo(i)}: ${link}`);
    if (!before || e.seq > before.seq) last.set(e.deviceId, e);
  }
  return {
    ok: firstBad === null,
    events: valid.length,
    firstBad,
    head: chainHead(valid),
    valid,
    badLines,
  };
}

function chainProblem(e: JournalEvent, before: JournalEvent | undefined): string | null {
  const device = `thiết bị “${e.deviceId}”`;
  const expected = before ? before.seq + 1 : 1;
  if (before && e.seq <= before.seq)
    return `số thứ tự ${e.seq} của ${device} lặp lại hoặc lùi lại (trước đó đã đến số ${before.seq}) — có mục bị chép thêm hoặc đảo thứ tự.`;
  if (e.seq > expected)
    return `thiếu mục số ${expected}${e.seq - 1 > expected ? `–${e.seq - 1}` : ''} của ${device} — có mục đã bị xóa.`;
  if (e.prev !== (before ? before.hash : GENESIS))
    return `không nối đúng với mục số ${e.seq - 1} của ${device} — mục trước đã bị thay hoặc chuỗi bị rẽ nhánh.`;
  return null;
}

/** A journal file's text as complete lines, and the unterminated last line if a write was cut off. */
export function splitJournal(text: string): {
  readonly lines: string[];
  readonly torn: string | null;
} {
  if (text === '') return { lines: [], torn: null };
  const lines = text.split('\n');
  const tail = lines.pop()!; // '' when the text ends with a newline
  return { lines, torn: tail === '' ? null : tail };
}

export const tornTailReason = (index: number): string =>
  `${lineNo(index)}: dòng cuối bị cắt dở (mất điện khi đang ghi, hoặc tệp bị cắt bớt). Máy nhập nào còn giữ sự kiện này sẽ gửi lại khi mở cuộc thi; dòng dở được bỏ ở lần ghi tiếp theo.`;

/** The whole file: verifyLines on complete lines, and a torn last line reported (after any earlier bad line). */
export function verifyText(text: string, opts: VerifyOptions = {}): LineCheck {
  const { lines, torn } = splitJournal(text);
  const check = verifyLines(lines, opts);
  if (torn === null) return check;
  return {
    ...check,
    ok: false,
    firstBad: check.firstBad ?? { line: lines.length, reason: tornTailReason(lines.length) },
    badLines: check.badLines + 1,
  };
}
