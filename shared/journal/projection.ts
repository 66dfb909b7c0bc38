/**
 * The projection: the current state of a contest derived from its journal events alone — official
 * scores per cell, sheet states, double-key passes and their mismatches, penalties, objective and
 * tie-break scores, locked rounds — plus what a person must decide (conflicts) and events that break
 * a rule (issues). Pure and deterministic: the result depends only on the SET of events, never on
 * their order or on duplicates (events are deduplicated and sorted by (deviceId, seq) first).
 *
 * The rules, precisely
 * - Register. Each thing with one current value is a register: a judge's cell (scope 'score'), a
 *   cell's double-key pass 1 / pass 2 ('pass1', 'pass2'), a sheet ('sheet': judge + round + entrant
 *   or whole round + pass), an entrant's penalty per criterion or overall ('penalty'), an objective
 *   criterion's official score ('objective'), a tie-break score per judge ('tieBreak').
 * - Within one device, the higher seq wins (a device's events are in the order it made them).
 * - Across devices nothing is known about order — timestamps and device ids decide nothing. An event
 *   is superseded when its own device made a later event for the same register, or when an event of
 *   the register names it (or a later event of its device) in `settles`: "made after seeing it".
 *   The frontier is what is not superseded. One value on the frontier → that is the value; different
 *   values → a CONFLICT, listed with every candidate, and the register has no value until a person
 *   decides by writing the chosen value with `settles` = the conflict's candidates (see
 *   resolutionTemplate). A later change on any device re-opens the question if it disagrees.
 * - Official cell value: 'enter' / 'edit' / 'clear' with pass null, 'amend', 'verifyConfirm' (the
 *   confirmed value) and 'verifyReject' (no value: retype). Double-key pass entries (pass 1 or 2)
 *   never set the official value by themselves; a verifyConfirm does. A double-key cell is decided
 *   when every current pass entry is superseded by a verifyConfirm/verifyReject in the sense above;
 *   `mismatches` lists cells whose passes differ and that are not decided.
 * - Locks are permanent (there is no unlock). After a device locked a round, that device's
 *   'enter'/'edit'/'clear' for the round are refused (use 'amend' with a reason), and its other
 *   changes to the round need a reason. Across devices the order is unknown, so no refusal.
 * - A reason is required for 'reopen', 'amend', a 'penalty' with an amount, and any event carrying
 *   `settles` (except verifyConfirm/verifyReject, where settles only names the pass entries compared).
 * - Refused events are listed in `issues` and change nothing. Forked keys (two different events with
 *   one (deviceId, seq)) are left out entirely and listed in `forks`.
 *
 * Not here: whether events are intact (verify.ts), the tally and ranking (shared/tally), display.
 */
import type { CriterionId, EntrantId, JudgeId, RoundId, Score } from '../model/types';
import type { JournalEvent } from './event';
import { forkedRefs, union } from './merge';
import { compareText, parseRef, refOf } from './ref';
import { cellEffect } from './cell-rule';
import { frontierOf, hasSeen, settle, type Settled } from './frontier';
import type {
  Scope,
  SheetStatus,
  RegisterValue,
  Target,
  Conflict,
  IssueCode,
  Issue,
  SheetState,
  PassState,
  DoubleKeyCell,
  Penalty,
  ObjectiveScore,
  TieBreakScore,
  Projection,
} from './projection-types';
export type * from './projection-types';

interface Entry {
  readonly e: JournalEvent;
  readonly value: RegisterValue;
}

interface Register {
  readonly target: Target;
  readonly entries: Entry[];
}

const blank = (s: string | null): boolean => s === null || s.trim() === '';

export function project(events: readonly JournalEvent[]): Projection {
  const { events: distinct, forks } = union(events);
  const forked = forkedRefs(forks);
  const usable = forked.size ? distinct.filter((e) => !forked.has(refOf(e))) : distinct;
  const issues: Issue[] = [];
  const refuse = (e: JournalEvent, code: IssueCode, message: string) =>
    issues.push({ ref: refOf(e), kind: e.kind, code, message: `${describe(e)}: ${message}` });

  // Locks first: whether a device's change came after its own lock depends on seq, not arrival order.
  const lockSeq = new Map<string, number>(); // lockKey → smallest seq at which that device locked that round
  const locks = new Map<string, JournalEvent>(); // roundId → lock with the smallest (deviceId, seq)
  for (const e of usable) {
    if (e.kind !== 'lock') continue;
    const k = lockKey(e);
    if (!lockSeq.has(k) || lockSeq.get(k)! > e.seq) lockSeq.set(k, e.seq);
    if (!locks.has(e.roundId)) locks.set(e.roundId, e); // usable is sorted, so the first is the smallest
  }

  const registers = new Map<string, Register>();
  const decisions = new Map<string, JournalEvent[]>(); // cell key → verifyConfirm / verifyReject
  const put = (target: Target, e: JournalEvent, value: RegisterValue) => {
    const key = registerKey(target);
    let r = registers.get(key);
    if (!r) registers.set(key, (r = { target, entries: [] }));
    r.entries.push({ e, value });
  };

  const comments = new Map<string, JournalEvent>(); // round|judge|entrant|device → latest comment
  for (const e of usable) {
    if (e.kind === 'lock') continue;
    const problem = checkEvent(e, lockSeq);
    if (problem) {
      refuse(e, problem.code, problem.message);
      continue;
    }
    switch (e.kind) {
      case 'enter':
      case 'edit':
      case 'clear':
      case 'amend':
      case 'verifyConfirm':
      case 'verifyReject': {
        const effect = cellEffect(e)!;
        const target = cellOf(e, effect.scope);
        put(target, e, effect.steps);
        if (e.kind === 'verifyConfirm' || e.kind === 'verifyReject') {
          const k = registerKey(target);
          (decisions.get(k) ?? decisions.set(k, []).get(k)!).push(e);
        }
        break;
      }
      case 'submit':
      case 'reopen':
        put(
          {
            scope: 'sheet',
            roundId: e.roundId,
            judgeId: e.judgeId,
            entrantId: e.entrantId,
            criterionId: null,
            pass: e.pass,
          },
          e,
          e.kind === 'submit' ? 'submitted' : 'reopened',
        );
        break;
      case 'penalty':
        put(
          {
            scope: 'penalty',
            roundId: e.roundId,
            judgeId: null,
            entrantId: e.entrantId,
            criterionId: e.criterionId,
            pass: null,
          },
          e,
          e.steps,
        );
        break;
      case 'objective':
        put(
          {
            scope: 'objective',
            roundId: e.roundId,
            judgeId: null,
            entrantId: e.entrantId,
            criterionId: e.criterionId,
            pass: null,
          },
          e,
          e.steps,
        );
        break;
      case 'tieBreak':
        put(
          {
            scope: 'tieBreak',
            roundId: e.roundId,
            judgeId: e.judgeId,
            entrantId: e.entrantId,
            criterionId: null,
            pass: null,
          },
          e,
          e.steps,
        );
        break;
      case 'setup':
      case 'decision':
        break; // setup records and board decisions: setup-projection.ts
      case 'comment': {
        // Remarks are text, never part of a result: the latest per device is kept, nothing conflicts.
        const k = `${e.roundId}|${e.judgeId}|${e.entrantId}|${e.deviceId}`;
        const cur = comments.get(k);
        if (!cur || cur.seq < e.seq) comments.set(k, e);
        break;
      }
      default:
        return assertNever(e.kind);
    }
  }

  const scores: Score[] = [];
  const sheets: SheetState[] = [];
  const penalties: Penalty[] = [];
  const objectives: ObjectiveScore[] = [];
  const tieBreaks: TieBreakScore[] = [];
  const conflicts: Conflict[] = [];
  const passes = new Map<string, { pass1?: Register; pass2?: Register }>(); // cell key → pass registers
  for (const [key, r] of registers) {
    const t = r.target;
    if (t.scope === 'pass1' || t.scope === 'pass2') {
      const k = registerKey({ ...t, scope: 'score', pass: null });
      const p = passes.get(k) ?? passes.set(k, {}).get(k)!;
      p[t.scope] = r;
    }
    // One event is the common case by far (a rebuild touches ~100k registers): no frontier to work out.
    const s: Settled<Entry> =
      r.entries.length === 1
        ? { agreed: true, value: r.entries[0].value, from: r.entries[0] }
        : settle(r.entries);
    if (!s.agreed) {
      conflicts.push(conflictOf(key, t, s.frontier));
      continue;
    }
    const v = s.value;
    switch (t.scope) {
      case 'score':
        scores.push({
          roundId: t.roundId as RoundId,
          judgeId: t.judgeId as JudgeId,
          entrantId: t.entrantId as EntrantId,
          criterionId: t.criterionId as CriterionId,
          steps: v as number | null,
        });
        break;
      case 'sheet':
        sheets.push({
          roundId: t.roundId,
          judgeId: t.judgeId!,
          entrantId: t.entrantId,
          pass: t.pass,
          state: v as SheetStatus,
        });
        break;
      case 'penalty':
        penalties.push({
          roundId: t.roundId,
          entrantId: t.entrantId!,
          criterionId: t.criterionId,
          cp: v as number | null,
          reason: s.from.e.reason ?? '',
        });
        break;
      case 'objective':
        objectives.push({
          roundId: t.roundId,
          entrantId: t.entrantId!,
          criterionId: t.criterionId!,
          steps: v as number | null,
        });
        break;
      case 'tieBreak':
        tieBreaks.push({
          roundId: t.roundId,
          entrantId: t.entrantId!,
          judgeId: t.judgeId,
          steps: v as number | null,
        });
        break;
      case 'pass1':
      case 'pass2':
        break; // read through `passes` below
      default:
        return assertNever(t.scope);
    }
  }

  const doubleKey: DoubleKeyCell[] = [];
  for (const [k, p] of passes) {
    const any = (p.pass1 ?? p.pass2)!.target;
    const s1 = passState(p.pass1);
    const s2 = passState(p.pass2);
    const state: DoubleKeyCell['state'] =
      s1.kind === 'conflict' || s2.kind === 'conflict'
        ? 'conflict'
        : s1.kind === 'none' || s2.kind === 'none'
          ? 'waiting'
          : s1.steps === s2.steps
            ? 'match'
            : 'mismatch';
    const current = [...frontierOf(p.pass1?.entries ?? []), ...frontierOf(p.pass2?.entries ?? [])];
    const ds = decisions.get(k) ?? [];
    const decided = current.length > 0 && current.every((c) => ds.some((d) => hasSeen(d, c.e)));
    doubleKey.push({
      roundId: any.roundId,
      judgeId: any.judgeId!,
      entrantId: any.entrantId!,
      criterionId: any.criterionId!,
      pass1: s1,
      pass2: s2,
      state,
      decided,
    });
  }

  const keyOf = (...ids: (string | number | null)[]) => ids.map(keyPart).join('|');
  const sortedDoubleKey = sortedBy(doubleKey, (c) =>
    keyOf(c.roundId, c.judgeId, c.entrantId, c.criterionId),
  );
  return {
    events: distinct.length,
    // Not sorted: 100k keys cost more to sort than everything else here, and the order is already
    // deterministic — first appearance in (deviceId, seq) order, which depends only on the events.
    scores,
    sheets: sortedBy(sheets, (x) => keyOf(x.roundId, x.judgeId, x.entrantId, x.pass)),
    doubleKey: sortedDoubleKey,
    mismatches: sortedDoubleKey.filter((c) => c.state === 'mismatch' && !c.decided),
    penalties: sortedBy(penalties, (x) => keyOf(x.roundId, x.entrantId, x.criterionId)),
    objectives: sortedBy(objectives, (x) => keyOf(x.roundId, x.entrantId, x.criterionId)),
    tieBreaks: sortedBy(tieBreaks, (x) => keyOf(x.roundId, x.entrantId, x.judgeId)),
    lockedRounds: sortedBy(
      [...locks.values()].map((e) => ({ roundId: e.roundId, ref: refOf(e), by: e.by, at: e.at })),
      (x) => x.roundId,
    ),
    comments: sortedBy(
      [...comments.values()]
        .filter((e) => !blank(e.reason))
        .map((e) => ({
          roundId: e.roundId,
          judgeId: e.judgeId!,
          entrantId: e.entrantId!,
          text: e.reason!,
          ref: refOf(e),
          at: e.at,
        })),
      (c) => keyOf(c.roundId, c.judgeId, c.entrantId, c.ref),
    ),
    conflicts: sortedBy(conflicts, (c) => c.id),
    issues: sortedBy(issues, (i) => `${i.ref}\u0000${i.code}`),
    forks,
  };
}

/** Why an event changes nothing, or null when it is acceptable. */
function checkEvent(
  e: JournalEvent,
  lockSeq: ReadonlyMap<string, number>,
): { code: IssueCode; message: string } | null {
  const isDecision = e.kind === 'verifyConfirm' || e.kind === 'verifyReject';
  if (e.settles) {
    for (const text of e.settles) {
      const r = parseRef(text);
      if (!r) return { code: 'badSettles', message: `tham chiếu “${text}” không hợp lệ.` };
      if (r.deviceId === e.deviceId && r.seq >= e.seq)
        return { code: 'badSettles', message: `không thể dựa vào sự kiện chưa có (${text}).` };
    }
    if (!isDecision && blank(e.reason))
      return { code: 'reasonRequired', message: 'quyết định giữa các máy phải ghi lý do.' };
  }
  const locked = lockSeq.get(lockKey(e));
  if (locked !== undefined && locked < e.seq) {
    if (e.kind === 'enter' || e.kind === 'edit' || e.kind === 'clear')
      return {
        code: 'editAfterLock',
        message:
          'vòng thi đã khóa trên máy này; sửa điểm sau khi khóa phải là “điều chỉnh” có lý do.',
      };
    if (blank(e.reason))
      return {
        code: 'reasonRequired',
        message: 'vòng thi đã khóa trên máy này; mọi thay đổi sau khi khóa phải ghi lý do.',
      };
  }
  switch (e.kind) {
    case 'enter':
    case 'edit':
    case 'clear':
    case 'verifyConfirm':
    case 'verifyReject':
      return missing(e, CELL_FIELDS) ?? negative(e);
    case 'amend':
      return (
        missing(e, CELL_FIELDS) ??
        negative(e) ??
        (blank(e.reason)
          ? { code: 'reasonRequired', message: 'điều chỉnh điểm sau khi khóa phải ghi lý do.' }
          : null)
      );
    case 'submit':
      return missing(e, ['judgeId']);
    case 'reopen':
      return (
        missing(e, ['judgeId']) ??
        (blank(e.reason)
          ? { code: 'reasonRequired', message: 'mở lại phiếu đã nộp phải ghi lý do.' }
          : null)
      );
    case 'penalty':
      return (
        missing(e, ['entrantId']) ??
        negative(e) ??
        (e.steps !== null && blank(e.reason)
          ? { code: 'reasonRequired', message: 'điểm trừ phải ghi lý do.' }
          : null)
      );
    case 'tieBreak':
      return missing(e, ['entrantId']) ?? negative(e);
    case 'objective':
      return missing(e, ['entrantId', 'criterionId']) ?? negative(e);
    case 'comment':
      return missing(e, ['judgeId', 'entrantId']);
    case 'lock':
    case 'setup':
    case 'decision':
      return null; // checked where they are projected (setup-projection.ts)
    default:
      return assertNever(e.kind);
  }
}

const FIELD_NAMES = {
  judgeId: 'giám khảo',
  entrantId: 'thí sinh/mô hình',
  criterionId: 'tiêu chí',
} as const;
type IdField = keyof typeof FIELD_NAMES;
const CELL_FIELDS: readonly IdField[] = ['judgeId', 'entrantId', 'criterionId'];

// Plain top-level helpers rather than closures: project() runs them once per event.
function missing(
  e: JournalEvent,
  fields: readonly IdField[],
): { code: IssueCode; message: string } | null {
  let absent: IdField[] | null = null;
  for (const f of fields) if (e[f] === null) (absent ??= []).push(f);
  return absent
    ? { code: 'missingField', message: `thiếu ${absent.map((f) => FIELD_NAMES[f]).join(', ')}.` }
    : null;
}

function negative(e: JournalEvent): { code: IssueCode; message: string } | null {
  return e.steps !== null && e.steps < 0
    ? { code: 'negativeSteps', message: `điểm không được âm (${e.steps}).` }
    : null;
}

const lockKey = (e: JournalEvent): string => `${keyPart(e.deviceId)}|${keyPart(e.roundId)}`;

function cellOf(e: JournalEvent, scope: Scope): Target {
  return {
    scope,
    roundId: e.roundId,
    judgeId: e.judgeId,
    entrantId: e.entrantId,
    criterionId: e.criterionId,
    pass: scope === 'pass1' ? 1 : scope === 'pass2' ? 2 : null,
  };
}

/** Unambiguous and cheap (it runs once per event): each id length-prefixed, null as '-'. */
function registerKey(t: Target): string {
  return `${t.scope}|${keyPart(t.roundId)}|${keyPart(t.judgeId)}|${keyPart(t.entrantId)}|${keyPart(t.criterionId)}|${t.pass ?? '-'}`;
}

function keyPart(x: string | number | null): string {
  if (x === null) return '-';
  const text = String(x);
  return `${text.length}:${text}`;
}

/** Sort by a key computed once per item, not once per comparison. */
function sortedBy<T>(items: readonly T[], key: (x: T) => string): T[] {
  return items
    .map((x) => ({ x, k: key(x) }))
    .sort((a, b) => compareText(a.k, b.k))
    .map((p) => p.x);
}

function passState(r: Register | undefined): PassState {
  if (!r) return { kind: 'none' };
  const s = settle(r.entries);
  return s.agreed ? { kind: 'value', steps: s.value as number | null } : { kind: 'conflict' };
}

const SCOPE_TEXT: Record<Scope, string> = {
  score: 'Điểm',
  pass1: 'Nhập lần 1',
  pass2: 'Nhập lần 2',
  sheet: 'Trạng thái phiếu',
  penalty: 'Điểm trừ',
  objective: 'Điểm phần khách quan',
  tieBreak: 'Điểm câu hỏi phụ',
};

export function valueText(v: RegisterValue): string {
  return v === null
    ? 'để trống'
    : v === 'submitted'
      ? 'đã nộp'
      : v === 'reopened'
        ? 'mở lại'
        : String(v);
}

function targetText(t: Target): string {
  const parts = [`vòng “${t.roundId}”`];
  if (t.judgeId !== null) parts.push(`giám khảo “${t.judgeId}”`);
  if (t.entrantId !== null) parts.push(`thí sinh/mô hình “${t.entrantId}”`);
  if (t.criterionId !== null) parts.push(`tiêu chí “${t.criterionId}”`);
  if (t.pass !== null && t.scope === 'sheet') parts.push(`lần nhập ${t.pass}`);
  return `${SCOPE_TEXT[t.scope]} — ${parts.join(', ')}`;
}

function conflictOf(key: string, t: Target, frontier: readonly Entry[]): Conflict {
  const candidates = frontier.map((f) => ({
    ref: refOf(f.e),
    value: f.value,
    by: f.e.by,
    at: f.e.at,
  }));
  const settles = candidates.map((c) => c.ref);
  const said = candidates
    .map(
      (c) =>
        `máy “${parseRef(c.ref)!.deviceId}” (${c.by.name || c.by.role}) ghi ${valueText(c.value)}`,
    )
    .join('; ');
  return {
    ...t,
    id: `${key}@${settles.join(',')}`,
    candidates,
    settles,
    message: `${targetText(t)}: các máy ghi khác nhau — ${said}. Cần người có thẩm quyền quyết định; không tự chọn theo giờ hay theo máy.`,
  };
}

function describe(e: JournalEvent): string {
  return `Sự kiện ${refOf(e)} (${e.kind})`;
}

export function assertNever(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`);
}

export { resolutionTemplate, diffScores, type ScoreDifference } from './decide';
