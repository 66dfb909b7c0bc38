/**
 * The score journal's one event format. Every change to a score or a sheet's state is an event;
 * events are appended, never edited. The same events are the audit log, the packets carried
 * between devices, the backup of last resort, and the input of the independent recount.
 *
 * Each device numbers its events 1, 2, 3… and chains them: `prev` is the hash of the same device's
 * previous event, `hash` is SHA-256 of the canonical event without `hash`. (device, seq) is the key
 * for merging; the chain makes a changed, dropped or reordered event detectable.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

export const EVENT_KINDS = [
  'enter', // first value for a cell
  'edit', // a cell's value changed
  'clear', // a cell emptied
  'submit', // a judge submitted their sheet
  'reopen', // head judge reopened a submitted sheet (reason required)
  'verifyConfirm', // double-key: second entry matches / mismatch resolved
  'verifyReject',
  'lock', // head judge locked the round
  'amend', // change after lock (reason required)
  'penalty', // secretary's penalty for an entrant (steps = centipoints deducted)
  'objective', // secretary's official score for an objective criterion
  'tieBreak', // câu hỏi phụ score for a tied entrant
  'comment', // a judge's remark on an entrant; the text is in `reason`
  'setup', // a setup record put or removed (contest, round, cluster, criterion, judge, entrant); see setup-event.ts
  'decision', // a board decision on a round's results (prize, count, discrepancy, advancement, side prize, absence)
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const ACTOR_ROLES = ['judge', 'secretary', 'head', 'system'] as const;

const id = z.string().min(1).max(100);
/** "<deviceId>#<seq>", the printable key of one event (see ref.ts). */
export const EVENT_REF = /^[^]{1,100}#[1-9][0-9]{0,14}$/;
export const journalEventSchema = z.strictObject({
  v: z.literal(1),
  contestId: id,
  roundId: id,
  judgeId: id.nullable(),
  entrantId: id.nullable(),
  criterionId: id.nullable(),
  kind: z.enum(EVENT_KINDS),
  steps: z.number().int().min(-1_000_000).max(1_000_000).nullable(),
  /** Double-key entry pass (1 or 2) for secretaries typing paper sheets; null for direct entry. */
  pass: z.union([z.literal(1), z.literal(2)]).nullable(),
  by: z.strictObject({ role: z.enum(ACTOR_ROLES), name: z.string().max(200) }),
  deviceId: id,
  seq: z.number().int().min(1),
  at: z.string().max(40),
  reason: z.string().max(2000).nullable(),
  /**
   * Optional, for deciding between devices: "<deviceId>#<seq>" of other devices' events this one was
   * made after seeing (the candidates of a conflict, the pass entries a verifyConfirm checked). It
   * supersedes them for the same cell or sheet. Absent on ordinary events, so their hashes are the
   * same as before this field existed. See projection.ts.
   */
  settles: z
    .array(z.string().regex(EVENT_REF, 'Tham chiếu sự kiện không hợp lệ.'))
    .min(1)
    .max(64)
    .optional(),
  /**
   * Optional, for 'setup' and 'decision': the record or decision itself (setup-event.ts checks its
   * form). Written with sorted keys (canonicalJson), absent on every other kind, so events made
   * before this field existed keep their hashes.
   */
  data: z
    .record(z.string(), z.unknown())
    .refine((d) => jsonLength(d) <= MAX_DATA_CHARS, 'Dữ liệu của sự kiện quá lớn.')
    .optional(),
  prev: z.string().max(64),
  hash: z.string().length(64),
});
export type JournalEvent = z.infer<typeof journalEventSchema>;

/** A setup record's text (an entrant's registration included) stays far below this. */
export const MAX_DATA_CHARS = 200_000;
const jsonLength = (d: unknown): number => JSON.stringify(d)?.length ?? Infinity;

const KINDS: ReadonlySet<unknown> = new Set(EVENT_KINDS);
const ROLES: ReadonlySet<unknown> = new Set(ACTOR_ROLES);
const FIELDS: ReadonlySet<string> = new Set(Object.keys(journalEventSchema.shape));
const isId = (x: unknown): boolean => typeof x === 'string' && x.length >= 1 && x.length <= 100;
const isText = (x: unknown, max: number): boolean => typeof x === 'string' && x.length <= max;
const isInt = (x: unknown, min: number, max: number): boolean =>
  Number.isSafeInteger(x) && (x as number) >= min && (x as number) <= max;

/**
 * journalEventSchema, hand-written for the hot path: rebuilding from a 100k-line journal spends
 * most of its time validating, and this is ~10× faster than the zod parse. It must accept exactly
 * what the schema accepts — tests/unit/journal-verify.test.ts compares the two on mutated events.
 * Change both together.
 */
export function isJournalEventShape(x: unknown): x is JournalEvent {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!FIELDS.has(k)) return false;
  const by = o.by as Record<string, unknown> | null;
  if (typeof by !== 'object' || by === null || Array.isArray(by)) return false;
  const byKeys = Object.keys(by);
  if (byKeys.length !== 2 || !ROLES.has(by.role) || !isText(by.name, 200)) return false;
  const settles = o.settles;
  const data = o.data;
  if (
    data !== undefined &&
    (typeof data !== 'object' ||
      data === null ||
      Array.isArray(data) ||
      jsonLength(data) > MAX_DATA_CHARS)
  )
    return false;
  if (
    settles !== undefined &&
    !(
      Array.isArray(settles) &&
      settles.length >= 1 &&
      settles.length <= 64 &&
      settles.every((r) => typeof r === 'string' && EVENT_REF.test(r))
    )
  )
    return false;
  return (
    o.v === 1 &&
    isId(o.contestId) &&
    isId(o.roundId) &&
    (o.judgeId === null || isId(o.judgeId)) &&
    (o.entrantId === null || isId(o.entrantId)) &&
    (o.criterionId === null || isId(o.criterionId)) &&
    KINDS.has(o.kind) &&
    (o.steps === null || isInt(o.steps, -1_000_000, 1_000_000)) &&
    (o.pass === null || o.pass === 1 || o.pass === 2) &&
    isId(o.deviceId) &&
    isInt(o.seq, 1, Number.MAX_SAFE_INTEGER) &&
    isText(o.at, 40) &&
    (o.reason === null || isText(o.reason, 2000)) &&
    isText(o.prev, 64) &&
    typeof o.hash === 'string' &&
    o.hash.length === 64
  );
}
export type UnsealedEvent = Omit<JournalEvent, 'prev' | 'hash' | 'seq' | 'deviceId'>;

/**
 * Fixed key order so that the same event always hashes to the same bytes. Optional keys (settles)
 * are written only when present, so adding one never changed an existing event's hash.
 */
const KEY_ORDER = [
  'v',
  'contestId',
  'roundId',
  'judgeId',
  'entrantId',
  'criterionId',
  'kind',
  'steps',
  'pass',
  'by',
  'deviceId',
  'seq',
  'at',
  'reason',
  'settles',
  'data',
  'prev',
  'hash',
] as const;

export function canonicalJson(e: Omit<JournalEvent, 'hash'> | JournalEvent): string {
  const o: Record<string, unknown> = {};
  for (const k of KEY_ORDER) {
    if (!(k in e) || (e as Record<string, unknown>)[k] === undefined) continue;
    o[k] =
      k === 'by'
        ? { role: e.by.role, name: e.by.name }
        : k === 'data'
          ? sortedKeys(e.data)
          : (e as Record<string, unknown>)[k];
  }
  return JSON.stringify(o);
}

/**
 * The same JSON value with every object's keys in code-unit order, and undefined members dropped:
 * a record's bytes must not depend on the order its fields were set in (or on a structured clone).
 */
function sortedKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map((v) => (v === undefined ? null : sortedKeys(v)));
  if (typeof x !== 'object' || x === null) return x;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(x).sort()) {
    const v = (x as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sortedKeys(v);
  }
  return out;
}

export function hashEvent(e: Omit<JournalEvent, 'hash'>): string {
  const { hash: _ignored, ...rest } = e as JournalEvent;
  return sha256Hex(canonicalJson(rest));
}

/** SHA-256 of the text's UTF-8 bytes, lowercase hex: the one hash function of the journal. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export const GENESIS = '';

/** Give an event its device, number and place in the device's chain. */
export function seal(e: UnsealedEvent, deviceId: string, seq: number, prev: string): JournalEvent {
  const unsealed = { ...e, deviceId, seq, prev };
  return { ...unsealed, hash: hashEvent(unsealed) };
}

/** Short digest printed in document footers: hash of every device's chain head, sorted. */
export function chainHead(
  events: readonly Pick<JournalEvent, 'deviceId' | 'seq' | 'hash'>[],
): string {
  const heads = new Map<string, Pick<JournalEvent, 'deviceId' | 'seq' | 'hash'>>();
  for (const e of events) {
    const h = heads.get(e.deviceId);
    if (!h || h.seq < e.seq) heads.set(e.deviceId, e);
  }
  const text = [...heads.values()]
    .map((e) => `${e.deviceId}:${e.seq}:${e.hash}`)
    .sort()
    .join('\n');
  return bytesToHex(sha256(utf8ToBytes(text)))
    .slice(0, 12)
    .toUpperCase();
}
