/**
 * The independent recount (DOMjudge's "shadow" idea): results recomputed straight from the raw
 * journal by a second, deliberately simple implementation, compared with the official tally before
 * anything is printed. It shares no code with shared/tally, shared/scoring or projection.ts — only
 * the event type — so one bug cannot make both agree on a wrong result. Plain loops, BigInt where
 * products could grow, no cleverness; speed does not matter here.
 *
 * What it counts, per entrant (the rule the official tally documents, written again):
 * - the scored leaves are the leaves of the criteria tree that are not objective and apply to the
 *   entrant's rubric (every node on the leaf's path has no appliesTo, or lists the rubric);
 * - a judge's total is Σ steps × stepCp × (leaf weight × every ancestor's weight), counted only when
 *   the judge gave every scored leaf a value and is not excluded for the entrant;
 * - the judges' part is the mean of the counted totals (or the trimmed mean / median if asked);
 *   with `missingScores: 'requireAll'` one incomplete judge leaves the entrant without a result;
 *   no counted judge → no result (a rubric without scored leaves gives 0 instead);
 * - plus every objective leaf's official score (steps × stepCp × weight; one missing or above its
 *   maximum → no result), minus every penalty with a positive amount and a reason.
 * Tie-break scores do not change the result, so they are not counted.
 *
 * Which event counts, written again on purpose rather than imported: per device the highest seq;
 * a device's latest is dropped when another event of the same cell names that device at that seq or
 * later in `settles`; if the values left differ, the cell is undecided and so is whatever needs it.
 * Cell values come from enter/edit/clear without a pass, amend, verifyConfirm (its value) and
 * verifyReject (no value). Ignored: amend without a reason; `settles` without a reason (except
 * verify*); enter/edit/clear after the same device locked the round, and other changes after it
 * without a reason; negative steps; a penalty without a reason. Two different events with one (device, seq) — a fork — leave
 * the cells they touch undecided.
 *
 * Not here: ranking, prizes, display rounding, z-scores (floats: nothing exact to compare).
 */
import type { JournalEvent } from './event';

export type RecountPolicy =
  | { readonly kind: 'mean' }
  | { readonly kind: 'trimmedMean'; readonly drop: number; readonly minPanel: number }
  | { readonly kind: 'median' };

export interface RecountCriterion {
  readonly id: string;
  readonly parentId: string | null;
  readonly weight: number;
  readonly stepCp: number;
  readonly maxCp: number;
  readonly objective?: boolean;
  readonly appliesTo?: readonly string[];
}

export interface RecountInput {
  readonly roundId: string;
  readonly policy: RecountPolicy;
  /** Default 'meanOfPresent': an incomplete judge is left out. */
  readonly missingScores?: 'meanOfPresent' | 'requireAll';
  readonly events: readonly JournalEvent[];
  readonly criteria: readonly RecountCriterion[];
  readonly judgeIds: readonly string[];
  readonly entrantIds: readonly string[];
  /** Entrant → rubric (Entrant.rubric); absent = no rubric. */
  readonly rubrics?: ReadonlyMap<string, string>;
  /** Judge does not count for the entrant (conflict of interest, other cluster or field). */
  readonly excluded?: readonly { readonly judgeId: string; readonly entrantId: string }[];
}

/** An exact amount of centipoints: n / d. */
export interface Exact {
  readonly n: number;
  readonly d: number;
}

export interface RecountJudge {
  readonly judgeId: string;
  readonly totalCp: number | null;
  readonly status: 'counted' | 'trimmed' | 'incomplete' | 'undecided' | 'excluded';
}

export interface RecountEntrant {
  readonly entrantId: string;
  readonly judges: readonly RecountJudge[];
  /** Judges' part + objective − penalties, or null when there is no result. */
  readonly totalCp: Exact | null;
  /** Why there is no result (Vietnamese), empty when there is one. */
  readonly why: readonly string[];
}

export interface Recount {
  readonly roundId: string;
  readonly entrants: readonly RecountEntrant[];
  /** Cells, objective scores and penalties of these entrants the recount could not decide. */
  readonly undecidedCells: number;
}

type Value = number | null | 'undecided';

export function recount(input: RecountInput): Recount {
  // 1. This round's events, each (device, seq) once; remember the forked keys' variants.
  const byKey = new Map<string, JournalEvent[]>();
  for (const e of input.events) {
    if (e.roundId !== input.roundId) continue;
    const k = e.deviceId + '#' + e.seq;
    const variants = byKey.get(k);
    if (variants === undefined) byKey.set(k, [e]);
    else if (!variants.some((v) => v.hash === e.hash)) variants.push(e);
  }
  const poisoned = new Set<string>();
  const events: JournalEvent[] = [];
  for (const variants of byKey.values()) {
    if (variants.length === 1) events.push(variants[0]);
    else for (const v of variants) if (slotOf(v) !== '') poisoned.add(slotOf(v));
  }

  // 2. The smallest seq at which each device locked this round.
  const lockedAt = new Map<string, number>();
  for (const e of events) {
    if (e.kind === 'lock' && (!lockedAt.has(e.deviceId) || e.seq < lockedAt.get(e.deviceId)!))
      lockedAt.set(e.deviceId, e.seq);
  }

  // 3. Events that count, grouped by what they set (a judge's cell, an objective score, a penalty).
  const slots = new Map<string, JournalEvent[]>();
  for (const e of events) {
    if (!counts(e, lockedAt)) continue;
    const k = slotOf(e);
    if (k === '') continue;
    if (!slots.has(k)) slots.set(k, []);
    slots.get(k)!.push(e);
  }

  // 4. The value of each slot.
  const value = new Map<string, Value>();
  for (const [k, list] of slots) value.set(k, poisoned.has(k) ? 'undecided' : decide(list));
  for (const k of poisoned) if (!value.has(k)) value.set(k, 'undecided');

  // 5. Penalty slots by entrant, and each leaf's weight (own × every ancestor's).
  const penaltiesOf = new Map<string, Value[]>();
  for (const [k, v] of value) {
    if (!k.startsWith('p\u0000')) continue;
    const entrantId = k.split('\u0000')[1];
    if (!penaltiesOf.has(entrantId)) penaltiesOf.set(entrantId, []);
    penaltiesOf.get(entrantId)!.push(v);
  }
  const weight = new Map<string, number>();
  for (const c of input.criteria) weight.set(c.id, weightOf(input.criteria, c.id));

  // 6. Each entrant.
  const excluded = new Set((input.excluded ?? []).map((x) => x.judgeId + '\u0000' + x.entrantId));
  const parents = new Set(input.criteria.map((c) => c.parentId));
  const entrants: RecountEntrant[] = [];
  let undecidedCells = 0;
  for (const entrantId of input.entrantIds) {
    const rubric = input.rubrics?.get(entrantId);
    const leaves = input.criteria.filter(
      (c) => !parents.has(c.id) && applies(input.criteria, c, rubric),
    );
    const scored = leaves.filter((c) => !c.objective);
    const objective = leaves.filter((c) => c.objective === true);
    const why: string[] = [];

    const judges: RecountJudge[] = [];
    for (const judgeId of input.judgeIds) {
      if (excluded.has(judgeId + '\u0000' + entrantId)) {
        judges.push({ judgeId, totalCp: null, status: 'excluded' });
        continue;
      }
      let total = 0;
      let complete = true;
      let undecided = false;
      for (const leaf of scored) {
        const v = value.get('c\u0000' + judgeId + '\u0000' + entrantId + '\u0000' + leaf.id);
        if (v === 'undecided') {
          undecided = true;
          undecidedCells++;
        }
        if (typeof v === 'number') total = total + v * leaf.stepCp * weight.get(leaf.id)!;
        else complete = false;
      }
      judges.push(
        complete
          ? { judgeId, totalCp: total, status: 'counted' }
          : { judgeId, totalCp: null, status: undecided ? 'undecided' : 'incomplete' },
      );
    }
    if (
      input.missingScores === 'requireAll' &&
      judges.some((j) => j.status === 'incomplete' || j.status === 'undecided')
    ) {
      why.push('có giám khảo chưa chấm đủ (quy tắc yêu cầu đủ điểm)');
    }
    const { part, trimmed } =
      scored.length === 0
        ? { part: { n: 0, d: 1 }, trimmed: new Set<string>() }
        : combine(input.policy, judges);
    if (part === null) why.push('chưa có giám khảo nào chấm đủ');

    let objectiveCp = 0;
    for (const leaf of objective) {
      const v = value.get('o\u0000' + entrantId + '\u0000' + leaf.id);
      if (v === 'undecided') {
        undecidedCells++;
        why.push(`điểm phần khách quan “${leaf.id}” có hai giá trị khác nhau`);
      } else if (v === undefined || v === null || v * leaf.stepCp > leaf.maxCp)
        why.push(`thiếu hoặc sai điểm phần khách quan “${leaf.id}”`);
      else objectiveCp = objectiveCp + v * leaf.stepCp * weight.get(leaf.id)!;
    }

    let penaltyCp = 0;
    for (const v of penaltiesOf.get(entrantId) ?? []) {
      if (v === 'undecided') {
        undecidedCells++;
        why.push('điểm trừ có hai giá trị khác nhau');
      } else if (v !== null && v > 0) penaltyCp = penaltyCp + v;
    }

    const totalCp =
      why.length === 0 && part !== null
        ? exact(BigInt(part.n) + BigInt(objectiveCp - penaltyCp) * BigInt(part.d), BigInt(part.d))
        : null;
    entrants.push({
      entrantId,
      judges: judges.map((j) =>
        trimmed.has(j.judgeId) ? { ...j, status: 'trimmed' as const } : j,
      ),
      totalCp,
      why,
    });
  }
  return { roundId: input.roundId, entrants, undecidedCells };
}

/** What an event sets: 'c' judge entrant criterion, 'o' entrant criterion, 'p' entrant part; '' = nothing counted. */
function slotOf(e: JournalEvent): string {
  if (e.kind === 'objective')
    return e.entrantId === null || e.criterionId === null
      ? ''
      : 'o\u0000' + e.entrantId + '\u0000' + e.criterionId;
  if (e.kind === 'penalty')
    return e.entrantId === null ? '' : 'p\u0000' + e.entrantId + '\u0000' + (e.criterionId ?? '-');
  const cellKinds = ['enter', 'edit', 'clear', 'amend', 'verifyConfirm', 'verifyReject'];
  if (
    !cellKinds.includes(e.kind) ||
    e.judgeId === null ||
    e.entrantId === null ||
    e.criterionId === null
  )
    return '';
  if ((e.kind === 'enter' || e.kind === 'edit' || e.kind === 'clear') && e.pass !== null) return '';
  return 'c\u0000' + e.judgeId + '\u0000' + e.entrantId + '\u0000' + e.criterionId;
}

function counts(e: JournalEvent, lockedAt: ReadonlyMap<string, number>): boolean {
  const hasReason = e.reason !== null && e.reason.trim() !== '';
  const isDecision = e.kind === 'verifyConfirm' || e.kind === 'verifyReject';
  if (e.kind === 'amend' && !hasReason) return false;
  if (e.settles) {
    if (!hasReason && !isDecision) return false;
    for (const s of e.settles) if (deviceOf(s) === e.deviceId && seqOf(s) >= e.seq) return false;
  }
  const lock = lockedAt.get(e.deviceId);
  if (lock !== undefined && lock < e.seq && e.kind !== 'lock') {
    if (e.kind === 'enter' || e.kind === 'edit' || e.kind === 'clear') return false;
    if (!hasReason) return false;
  }
  if (e.steps !== null && e.steps < 0) return false;
  if (e.kind === 'penalty' && e.steps !== null && !hasReason) return false; // a penalty always says why
  return true;
}

const deviceOf = (ref: string) => ref.slice(0, ref.lastIndexOf('#'));
const seqOf = (ref: string) => Number(ref.slice(ref.lastIndexOf('#') + 1));

/** One slot's events → its value (see the header). */
function decide(list: readonly JournalEvent[]): Value {
  const latest = new Map<string, JournalEvent>();
  for (const e of list)
    if (!latest.has(e.deviceId) || latest.get(e.deviceId)!.seq < e.seq) latest.set(e.deviceId, e);
  const seen = new Map<string, number>();
  for (const e of list) {
    for (const s of e.settles ?? []) {
      if (deviceOf(s) !== e.deviceId && (seen.get(deviceOf(s)) ?? 0) < seqOf(s))
        seen.set(deviceOf(s), seqOf(s));
    }
  }
  let remaining = [...latest.values()].filter((e) => e.seq > (seen.get(e.deviceId) ?? 0));
  if (remaining.length === 0) remaining = [...latest.values()];
  const values = remaining.map((e) =>
    e.kind === 'clear' || e.kind === 'verifyReject' ? null : e.steps,
  );
  return values.every((v) => v === values[0]) ? values[0] : 'undecided';
}

function applies(
  criteria: readonly RecountCriterion[],
  leaf: RecountCriterion,
  rubric: string | undefined,
): boolean {
  for (
    let c: RecountCriterion | undefined = leaf;
    c;
    c = c.parentId === null ? undefined : criteria.find((x) => x.id === c!.parentId)
  ) {
    if (c.appliesTo && (rubric === undefined || !c.appliesTo.includes(rubric))) return false;
  }
  return true;
}

function weightOf(criteria: readonly RecountCriterion[], id: string): number {
  let w = 1;
  for (
    let c = criteria.find((x) => x.id === id);
    c;
    c = c.parentId === null ? undefined : criteria.find((x) => x.id === c!.parentId)
  )
    w = w * c.weight;
  return w;
}

function combine(
  policy: RecountPolicy,
  judges: readonly RecountJudge[],
): { part: Exact | null; trimmed: Set<string> } {
  const counted = judges.filter((j) => j.totalCp !== null);
  const trimmed = new Set<string>();
  if (counted.length === 0) return { part: null, trimmed };
  if (policy.kind === 'median') {
    const v = counted.map((j) => j.totalCp!).sort((a, b) => a - b);
    const mid = Math.floor(v.length / 2);
    return {
      part: v.length % 2 === 1 ? exact(BigInt(v[mid]), 1n) : exact(BigInt(v[mid - 1] + v[mid]), 2n),
      trimmed,
    };
  }
  let kept = counted;
  if (
    policy.kind === 'trimmedMean' &&
    counted.length >= policy.minPanel &&
    counted.length > 2 * policy.drop
  ) {
    // Lowest and highest `drop` totals out; which of two equal totals goes does not change the mean.
    const order = [...counted].sort(
      (a, b) => a.totalCp! - b.totalCp! || (a.judgeId < b.judgeId ? -1 : 1),
    );
    for (const j of order.slice(0, policy.drop)) trimmed.add(j.judgeId);
    for (const j of order.slice(order.length - policy.drop)) trimmed.add(j.judgeId);
    kept = counted.filter((j) => !trimmed.has(j.judgeId));
  }
  let sum = 0n;
  for (const j of kept) sum = sum + BigInt(j.totalCp!);
  return { part: exact(sum, BigInt(kept.length)), trimmed };
}

function exact(n: bigint, d: bigint): Exact {
  let a = n < 0n ? -n : n;
  let b = d;
  while (b !== 0n) [a, b] = [b, a % b];
  const g = a === 0n ? 1n : a;
  return { n: Number(n / g), d: Number(d / g) };
}

export interface RecountDifference {
  readonly entrantId: string;
  readonly recount: Exact | null | undefined;
  readonly official: Exact | null | undefined;
  readonly message: string;
}

/**
 * Every entrant whose official result differs from the recount (exactly, as fractions), and every
 * entrant only one side has. Empty = printing may go ahead. `names` turns ids into what users read.
 */
export function compareWithTally(
  rc: Recount,
  official: readonly { readonly entrantId: string; readonly totalCp: Exact | null }[],
  names: ReadonlyMap<string, string> = new Map(),
): RecountDifference[] {
  const theirs = new Map(official.map((o) => [o.entrantId, o.totalCp]));
  const mine = new Map(rc.entrants.map((e) => [e.entrantId, e]));
  const out: RecountDifference[] = [];
  const ids = [...mine.keys()];
  for (const o of official) if (!mine.has(o.entrantId)) ids.push(o.entrantId);
  for (const id of ids) {
    const a = mine.get(id);
    const b = theirs.get(id);
    if (a !== undefined && theirs.has(id) && sameExact(a.totalCp, b!)) continue;
    const who = names.get(id) ?? id;
    const because = a && a.totalCp === null && a.why.length ? ` (${a.why.join('; ')})` : '';
    const message =
      a === undefined
        ? `${who}: có trong bảng kết quả (${pointsText(b)}) nhưng không có trong danh sách kiểm đếm lại.`
        : !theirs.has(id)
          ? `${who}: kiểm đếm lại được ${pointsText(a.totalCp)}${because} nhưng bảng kết quả không có.`
          : `${who}: kiểm đếm lại được ${pointsText(a.totalCp)}${because}, nhưng bảng kết quả ${b === null ? 'chưa có kết quả' : `ghi ${pointsText(b)}`}.`;
    out.push({ entrantId: id, recount: a?.totalCp, official: b, message });
  }
  return out;
}

function sameExact(a: Exact | null, b: Exact | null): boolean {
  if (a === null || b === null) return a === b;
  return BigInt(a.n) * BigInt(b.d) === BigInt(b.n) * BigInt(a.d);
}

/** Points (centipoints / 100), exact up to 4 decimals then "…", with a comma; "chưa có kết quả" for none. */
export function pointsText(x: Exact | null | undefined): string {
  if (x === null || x === undefined) return 'chưa có kết quả';
  const neg = x.n < 0 !== x.d < 0 && x.n !== 0;
  const n = BigInt(Math.abs(x.n));
  const d = BigInt(Math.abs(x.d)) * 100n;
  const whole = n / d;
  let rest = n % d;
  let decimals = '';
  for (let i = 0; i < 4 && rest !== 0n; i++) {
    rest = rest * 10n;
    decimals += String(rest / d);
    rest = rest % d;
  }
  return `${neg ? '-' : ''}${whole}${decimals ? ',' + decimals : ''}${rest !== 0n ? '…' : ''} điểm`;
}
