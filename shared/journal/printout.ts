/**
 * "Kiểm tra bản in": from the chain head printed on a document (scoreboard, certificate, score
 * sheet), find the state of the journal the document was made from, and say what came after it.
 *
 * Why a prefix search: a document is made from what the journal file held at that moment, and the
 * file is append-only, so that state is a prefix of today's file in file order (the events as the
 * main side's read returns them: every intact line once, in file order). The printed code is
 * chainHead() of that prefix. So: walk the file once, keep every device's head (its highest seq so
 * far) and the code of the prefix, and stop at the first prefix whose code is the printed one.
 * The code changes only when some device's head moves, and is recomputed only then, from the heads
 * kept sorted — a few microseconds per event, so 100k events take well under a second.
 *
 * What it proves: someone who can edit the file can rewrite a score and re-seal the whole chain
 * after it, and every local check stays green — but then no prefix of the file has the code printed
 * before the forgery, and this check says the printed state is no longer in the data. What it
 * cannot tell apart: a rewritten journal, a journal whose last lines were removed, and a code
 * mistyped into other valid hex digits (all three are "not found"). A code that is not 12 hex
 * digits is a typo; an empty journal means lines were removed (or the wrong contest); a journal
 * with damaged lines is said so, with the first bad line.
 *
 * Not here: reading the file (the main side), names of rounds/judges/entrants (the renderer).
 */
import type { JournalCheck } from '../bridge/contract';
import {
  chainHead,
  sha256Hex as defaultSha256Hex,
  type EventKind,
  type JournalEvent,
} from './event';
import { tornTailReason } from './verify';

/** Length of the printed code: chainHead() keeps the first 12 hex digits (48 bits). */
export const PRINT_CODE_LENGTH = 12;
/** At most this many events after the cut are listed one by one; all of them are counted. */
export const PRINT_LIST_LIMIT = 200;

export type CodeReading =
  | { readonly ok: true; readonly code: string; readonly notes: readonly string[] }
  | { readonly ok: false; readonly cleaned: string; readonly message: string };

/** Words documents print before the code, without tones, lower case (see shared/documents/*). */
const PREFIX =
  /^(ma\s*)?(kiem\s*tra\s*)?(so\s*diem\s*)?(nhat\s*ky\s*)?(cham\s*diem\s*)?(so\s*diem\s*)?(chain\s*head\s*)?[:：]?\s*/;
const SEPARATORS = /[\s\-‐‑‒–—−_.·•,;:'"“”‘’()[\]{}]/g;
/** Letters that are never hex digits but are easily typed or read for one. */
const LOOKALIKE: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

const untoned = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd');

/**
 * The code as typed or pasted: any case, spaces, dashes, the words a document prints before it
 * ("Mã kiểm tra nhật ký chấm điểm: …"). O, I and L are read as 0, 1 and 1 (none is a hex digit)
 * and the answer says so. Anything else that is not 12 hex digits is a typo, said in Vietnamese.
 */
export function readPrintedCode(input: string): CodeReading {
  let s = untoned(input.normalize('NFC')).toLowerCase().trim();
  const colon = Math.max(s.lastIndexOf(':'), s.lastIndexOf('：'));
  if (colon >= 0) s = s.slice(colon + 1);
  s = s.replace(PREFIX, '').replace(SEPARATORS, '').toUpperCase();
  if (s === '')
    return {
      ok: false,
      cleaned: s,
      message:
        'Chưa nhập mã. Mã in ở cuối bảng điểm, giấy khen và phiếu chấm, sau chữ “Mã kiểm tra nhật ký chấm điểm:”, gồm 12 ký tự 0–9 và A–F.',
    };
  const notes: string[] = [];
  const fixed = s.replace(/[OIL]/g, (ch) => LOOKALIKE[ch]!);
  if (fixed !== s) {
    const seen = [...new Set(s.match(/[OIL]/g) ?? [])].map(
      (ch) => `“${ch}” là số ${LOOKALIKE[ch]}`,
    );
    notes.push(`Mã chỉ có chữ số 0–9 và chữ A–F nên đã đọc ${seen.join(', ')}.`);
  }
  const bad = [...new Set(fixed.match(/[^0-9A-F]/g) ?? [])];
  if (bad.length > 0) {
    return {
      ok: false,
      cleaned: s,
      message: `Mã gõ nhầm: có ký tự ${bad.map((c) => `“${c}”`).join(', ')} — mã chỉ gồm chữ số 0–9 và chữ A–F.`,
    };
  }
  if (fixed.length !== PRINT_CODE_LENGTH) {
    return {
      ok: false,
      cleaned: s,
      message: `Mã gõ nhầm: có ${fixed.length} ký tự, mã in trên văn bản có đúng ${PRINT_CODE_LENGTH} ký tự.`,
    };
  }
  return { ok: true, code: fixed, notes };
}

/** The state a document was made from: the first `events` events of the file, per-device heads. */
export interface PrintCut {
  /** How many events the journal held (file order) when the document was made. */
  readonly events: number;
  /** Each device's last event then (its head). */
  readonly devices: readonly { readonly deviceId: string; readonly seq: number }[];
}

type Head = Pick<JournalEvent, 'deviceId' | 'seq' | 'hash'>;

export interface ScanOptions {
  /** Same function as event.ts sha256Hex; the main side passes node:crypto's, which is faster. */
  readonly sha256Hex?: (text: string) => string;
}

/**
 * The first prefix of `events` (file order) whose chainHead() is `code` (12 hex digits, any case),
 * or null. Same text as chainHead: "deviceId:seq:hash" of every device's highest seq, sorted by code
 * units, joined by "\n"; the sorted order is kept up to date by moving only the entry that changed.
 */
export function findPrintedCut(
  events: readonly Head[],
  code: string,
  opts: ScanOptions = {},
): PrintCut | null {
  const hex = opts.sha256Hex ?? defaultSha256Hex;
  const want = code.toLowerCase();
  interface Entry {
    readonly deviceId: string;
    seq: number;
    text: string;
  }
  const sorted: Entry[] = [];
  const byDevice = new Map<string, Entry>();
  const matches = () =>
    hex(sorted.map((x) => x.text).join('\n')).slice(0, PRINT_CODE_LENGTH) === want;
  const cut = (n: number): PrintCut => ({
    events: n,
    devices: sorted.map((x) => ({ deviceId: x.deviceId, seq: x.seq })),
  });
  if (matches()) return cut(0);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    let entry = byDevice.get(e.deviceId);
    if (entry && entry.seq >= e.seq) continue; // the heads, hence the code, did not change
    const text = `${e.deviceId}:${e.seq}:${e.hash}`;
    let at: number;
    if (!entry) {
      entry = { deviceId: e.deviceId, seq: e.seq, text };
      byDevice.set(e.deviceId, entry);
      sorted.push(entry);
      at = sorted.length - 1;
    } else {
      entry.seq = e.seq;
      entry.text = text;
      at = sorted.indexOf(entry);
    }
    // One entry moved: bubble it to its place (a device id may share a prefix with another's
    // "id:seq", so the order can change when only the seq does).
    while (at > 0 && sorted[at - 1].text > text) {
      [sorted[at - 1], sorted[at]] = [sorted[at], sorted[at - 1]];
      at--;
    }
    while (at < sorted.length - 1 && sorted[at + 1].text < text) {
      [sorted[at + 1], sorted[at]] = [sorted[at], sorted[at + 1]];
      at++;
    }
    if (matches()) return cut(i + 1);
  }
  return null;
}

/**
 * Whether an event can change a round's results (scores, sheet states, penalties, objective and
 * tie-break scores, lock). Only a remark cannot. A kind this module does not know counts as
 * result-affecting, so a new kind is never silently called harmless.
 */
export function canChangeResults(kind: EventKind | string): boolean {
  return kind !== 'comment';
}

/**
 * roundId of contest-wide events (the contest's own setup, its judges): they belong to every round.
 * Same value as setup-event.ts CONTEST_SCOPE (a test checks they agree).
 */
export const CONTEST_WIDE = '*';
const inRound = (e: Pick<JournalEvent, 'roundId'>, roundId: string | null) =>
  roundId === null || e.roundId === roundId || e.roundId === CONTEST_WIDE;

/** Kinds whose event gives a cell (or penalty, objective, tie-break) a value: "old → new" applies. */
const VALUE_KINDS: ReadonlySet<string> = new Set([
  'enter',
  'edit',
  'clear',
  'amend',
  'verifyConfirm',
  'verifyReject',
  'penalty',
  'objective',
  'tieBreak',
]);

/**
 * What an event sets, for finding the event before it that set the same thing: a cell as the audit
 * trail keys it (shared/audit/audit-trail.ts), or a setup record by entity and id. '' = nothing.
 */
function subjectOf(e: JournalEvent): string {
  if (VALUE_KINDS.has(e.kind)) {
    if (!e.criterionId && e.kind !== 'penalty') return '';
    return `${e.roundId}|${e.judgeId}|${e.entrantId}|${e.criterionId}|${e.pass ?? ''}|${e.kind === 'penalty' || e.kind === 'objective' || e.kind === 'tieBreak' ? e.kind : 'score'}`;
  }
  const data = (e as { readonly data?: Readonly<Record<string, unknown>> }).data;
  if (
    e.kind === 'setup' &&
    data &&
    typeof data['entity'] === 'string' &&
    typeof data['id'] === 'string'
  )
    return `setup|${data['entity']}|${data['id']}`;
  return '';
}

/** One event after the cut, for the list, with the earlier event that set the same thing (old → new). */
export interface ListedEvent {
  readonly event: JournalEvent;
  /** The last event before it (file order) that set the same cell or record, or null. */
  readonly previous: JournalEvent | null;
  /** Whether it can change its round's results. */
  readonly affects: boolean;
}

export interface SinceSummary {
  /** Every event after the cut. */
  readonly events: number;
  /** Of those, in the round asked about and contest-wide (all when no round was asked), how many can change results. */
  readonly affecting: number;
  readonly rounds: readonly {
    readonly roundId: string;
    readonly events: number;
    readonly affecting: number;
  }[];
  readonly kinds: readonly { readonly kind: string; readonly events: number }[];
  /** Ids, of the events in that scope, first seen first. */
  readonly entrants: readonly string[];
  readonly judges: readonly string[];
  readonly firstAt: string | null;
  readonly lastAt: string | null;
  /** The events in that scope, file order, at most PRINT_LIST_LIMIT. */
  readonly listed: readonly ListedEvent[];
  /** How many there are in that scope, listed or not. */
  readonly inScope: number;
}

/** What the journal's own check says, when it is not "intact". */
export interface JournalDamage {
  readonly line: number;
  readonly reason: string;
}

export type PrintCheck =
  | { readonly status: 'badCode'; readonly message: string }
  | {
      readonly status: 'notFound';
      readonly code: string;
      readonly notes: readonly string[];
      /** Events in today's journal, and its code today. */
      readonly events: number;
      readonly head: string;
      /** What can be told about why: 'empty' (no events at all: lines removed or the wrong contest),
       *  'damaged' (the journal's own check names a bad line), 'unknown' (intact, so: rewritten,
       *  last lines removed, or the code mistyped into other hex digits — these look the same). */
      readonly why: 'empty' | 'damaged' | 'unknown';
      readonly damage: JournalDamage | null;
    }
  | {
      readonly status: 'found';
      readonly code: string;
      readonly notes: readonly string[];
      readonly roundId: string | null;
      readonly cut: PrintCut & {
        /** 1-based line of the file the document's state ends at, when every line is intact (then lines = events). */
        readonly line: number | null;
      };
      readonly since: SinceSummary;
      /** Today's data still gives exactly that document: no result-affecting event in scope since, journal intact. */
      readonly matches: boolean;
      readonly damage: JournalDamage | null;
    };

export interface PrintCheckOptions extends ScanOptions {
  /** The round the document was for; null or absent: any round. */
  readonly roundId?: string | null;
  /** The journal's own check ("Kiểm tra toàn vẹn") of the same file, when the caller ran it. */
  readonly integrity?: JournalCheck | null;
}

/** A torn last line (a write cut off by a crash) is not damage: it was never acknowledged. */
function damageOf(check: JournalCheck | null | undefined): JournalDamage | null {
  if (!check || check.ok || !check.firstBad) return null;
  if (check.firstBad.reason === tornTailReason(check.firstBad.line)) return null;
  return { line: check.firstBad.line + 1, reason: check.firstBad.reason };
}

/**
 * The whole check: read the code, find the cut, summarise what came after it. `events` are the
 * journal's events in file order, exactly as the main side's read returns them.
 */
export function checkPrintout(
  events: readonly JournalEvent[],
  input: string,
  opts: PrintCheckOptions = {},
): PrintCheck {
  const reading = readPrintedCode(input);
  if (!reading.ok) return { status: 'badCode', message: reading.message };
  const { code, notes } = reading;
  const damage = damageOf(opts.integrity);
  const cut = findPrintedCut(events, code, opts);
  if (!cut) {
    const why = events.length === 0 ? 'empty' : damage ? 'damaged' : 'unknown';
    return {
      status: 'notFound',
      code,
      notes,
      events: events.length,
      head: opts.integrity?.head ?? chainHead(events),
      why,
      damage,
    };
  }
  const roundId = opts.roundId ?? null;
  const since = summarise(events, cut.events, roundId);
  const intact = opts.integrity?.ok === true || (opts.integrity != null && damage === null);
  return {
    status: 'found',
    code,
    notes,
    roundId,
    cut: { ...cut, line: intact ? cut.events : null },
    since,
    matches: since.affecting === 0 && damage === null,
    damage,
  };
}

/** Events from index `from` on, counted by round, kind, entrant and judge; the first ones listed. */
export function summarise(
  events: readonly JournalEvent[],
  from: number,
  roundId: string | null,
): SinceSummary {
  const rounds = new Map<string, { roundId: string; events: number; affecting: number }>();
  const kinds = new Map<string, number>();
  const entrants = new Set<string>();
  const judges = new Set<string>();
  const picked: number[] = [];
  let inScope = 0;
  let affecting = 0;
  let firstAt: string | null = null;
  let lastAt: string | null = null;
  for (let i = from; i < events.length; i++) {
    const e = events[i];
    const affects = canChangeResults(e.kind);
    const r =
      rounds.get(e.roundId) ??
      rounds.set(e.roundId, { roundId: e.roundId, events: 0, affecting: 0 }).get(e.roundId)!;
    r.events++;
    if (affects) r.affecting++;
    kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    if (firstAt === null || e.at < firstAt) firstAt = e.at;
    if (lastAt === null || e.at > lastAt) lastAt = e.at;
    if (!inRound(e, roundId)) continue;
    inScope++;
    if (affects) affecting++;
    if (e.entrantId !== null) entrants.add(e.entrantId);
    if (e.judgeId !== null) judges.add(e.judgeId);
    if (picked.length < PRINT_LIST_LIMIT) picked.push(i);
  }
  return {
    events: events.length - from,
    affecting,
    rounds: [...rounds.values()],
    kinds: [...kinds].map(([kind, n]) => ({ kind, events: n })),
    entrants: [...entrants],
    judges: [...judges],
    firstAt,
    lastAt,
    listed: listWithPrevious(events, picked),
    inScope,
  };
}

/** The listed events, each with the last earlier event (file order) that set the same thing. */
function listWithPrevious(
  events: readonly JournalEvent[],
  picked: readonly number[],
): ListedEvent[] {
  if (picked.length === 0) return [];
  const subjects = new Set<string>();
  for (const i of picked) {
    const k = subjectOf(events[i]);
    if (k) subjects.add(k);
  }
  const last = new Map<string, JournalEvent>();
  const out: ListedEvent[] = [];
  let next = 0;
  for (let i = 0; i <= picked[picked.length - 1]; i++) {
    const e = events[i];
    const k = subjectOf(e);
    if (i === picked[next]) {
      out.push({
        event: e,
        previous: (k && last.get(k)) || null,
        affects: canChangeResults(e.kind),
      });
      next++;
    }
    if (k && subjects.has(k)) last.set(k, e);
  }
  return out;
}
