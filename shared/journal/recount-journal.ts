/**
 * The independent recount's inputs, read from the journal alone: the round's rules, criteria,
 * entrants, the judges who sit on it and who may not score whom — so a wrong panel, a wrong
 * exclusion or a wrong rule in the app's own tally cannot make the recount agree with it. Like
 * recount.ts it shares no code with shared/tally, shared/awards, the projections or setup-event.ts:
 * only the event type. The rules are written again, plainly:
 *
 * - A setup record's value: per device its highest seq; a device's latest is dropped when another
 *   event of the same record names that device at that seq or later in `settles`; values left that
 *   differ make the record undecided, and the recount refuses. Ignored: a change of a round's record
 *   after the same device locked it without a reason.
 * - A judge sits on the round when the judge's `roundIds` is empty or lists it; a judge of the round
 *   does not count for an entrant when the judge's unit equals the entrant's (ignoring case, tones,
 *   đ/d and extra spaces; an empty unit never matches), when the judge's `clusterIds` is not empty and
 *   lacks the entrant's cluster, or when the judge's `fields` is not empty and lacks the entrant's
 *   field (compared the same way as units).
 *
 * Not here: the counting itself (recount.ts).
 */
import type { JournalEvent } from './event';
import { recount, type Recount, type RecountCriterion, type RecountPolicy } from './recount';

type Rec = Record<string, unknown>;

export type JournalRecount =
  | { readonly ok: true; readonly recount: Recount }
  | { readonly ok: false; readonly why: readonly string[] };

export function recountFromJournal(
  events: readonly JournalEvent[],
  contestId: string,
  roundId: string,
): JournalRecount {
  const records = currentRecords(events, contestId);
  if (records.undecided.length)
    return {
      ok: false,
      why: records.undecided.map((k) => `thiết lập “${k}” có hai nội dung khác nhau từ hai máy`),
    };
  const round = records.values.get('round\u0000' + roundId);
  if (!round) return { ok: false, why: [`sổ điểm không có vòng “${roundId}”`] };
  const all = [...records.values.entries()];
  const of = (entity: string) =>
    all.filter(([k]) => k.startsWith(entity + '\u0000')).map(([, v]) => v);
  const criteria = of('criterion').filter((c) => c['roundId'] === roundId);
  const entrants = of('entrant').filter((e) => e['roundId'] === roundId);
  const judges = of('judge').filter((j) => j['contestId'] === contestId && onRound(j, roundId));

  const excluded: { judgeId: string; entrantId: string }[] = [];
  for (const j of judges)
    for (const e of entrants)
      if (!counts(j, e)) excluded.push({ judgeId: String(j['id']), entrantId: String(e['id']) });
  const rubrics = new Map<string, string>();
  for (const e of entrants)
    if (typeof e['rubric'] === 'string') rubrics.set(String(e['id']), e['rubric'] as string);

  const policy = round['policy'] as RecountPolicy | { kind: 'zScore' } | undefined;
  if (!policy || policy.kind === 'zScore')
    return {
      ok: false,
      why: ['cách tính điểm chuẩn hóa (z) không kiểm đếm lại được bằng số chính xác'],
    };
  return {
    ok: true,
    recount: recount({
      roundId,
      policy,
      missingScores: round['missingScores'] === 'requireAll' ? 'requireAll' : 'meanOfPresent',
      events,
      criteria: criteria.map((c): RecountCriterion => ({
        id: String(c['id']),
        parentId: typeof c['parentId'] === 'string' ? (c['parentId'] as string) : null,
        weight: Number(c['weight'] ?? 1),
        stepCp: Number(c['stepCp']),
        maxCp: Number(c['maxCp']),
        objective: c['objective'] === true,
        appliesTo: Array.isArray(c['appliesTo']) ? (c['appliesTo'] as string[]) : undefined,
      })),
      judgeIds: judges.map((j) => String(j['id'])),
      entrantIds: entrants.map((e) => String(e['id'])),
      rubrics,
      excluded,
    }),
  };
}

function onRound(judge: Rec, roundId: string): boolean {
  const rounds = judge['roundIds'];
  return !Array.isArray(rounds) || rounds.length === 0 || rounds.includes(roundId);
}

function counts(judge: Rec, entrant: Rec): boolean {
  const unit = plain(judge['unit']);
  if (unit !== '' && unit === plain(entrant['unit'])) return false;
  const clusters = Array.isArray(judge['clusterIds']) ? (judge['clusterIds'] as unknown[]) : [];
  if (
    clusters.length > 0 &&
    (typeof entrant['clusterId'] !== 'string' || !clusters.includes(entrant['clusterId']))
  )
    return false;
  const fields = Array.isArray(judge['fields']) ? (judge['fields'] as unknown[]) : [];
  if (fields.length > 0 && !fields.some((f) => plain(f) === plain(entrant['field']))) return false;
  return true;
}

/** Lower case, no tones, đ → d, spaces folded. */
function plain(x: unknown): string {
  if (typeof x !== 'string') return '';
  let out = '';
  for (const ch of x.normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue;
    out += ch === 'đ' || ch === 'Đ' ? 'd' : ch;
  }
  return out
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
    .join(' ');
}

/** Each setup record's value by the rule in the header. */
function currentRecords(
  events: readonly JournalEvent[],
  contestId: string,
): { values: Map<string, Rec>; undecided: string[] } {
  const lockedAt = new Map<string, number>();
  for (const e of events)
    if (e.kind === 'lock' && e.contestId === contestId) {
      const k = e.deviceId + '\u0000' + e.roundId;
      if (!lockedAt.has(k) || lockedAt.get(k)! > e.seq) lockedAt.set(k, e.seq);
    }
  const byRecord = new Map<string, JournalEvent[]>();
  const seen = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'setup' || e.contestId !== contestId || !e.data) continue;
    const key = e.deviceId + '#' + e.seq;
    if (seen.has(key)) continue;
    seen.add(key);
    const lock = lockedAt.get(e.deviceId + '\u0000' + e.roundId);
    if (lock !== undefined && lock < e.seq && !(e.reason && e.reason.trim())) continue;
    const k = String(e.data['entity']) + '\u0000' + String(e.data['id']);
    if (!byRecord.has(k)) byRecord.set(k, []);
    byRecord.get(k)!.push(e);
  }
  const values = new Map<string, Rec>();
  const undecided: string[] = [];
  for (const [k, list] of byRecord) {
    const latest = new Map<string, JournalEvent>();
    for (const e of list)
      if (!latest.has(e.deviceId) || latest.get(e.deviceId)!.seq < e.seq) latest.set(e.deviceId, e);
    const seenOf = new Map<string, number>();
    for (const e of list)
      for (const s of e.settles ?? []) {
        const d = s.slice(0, s.lastIndexOf('#'));
        const n = Number(s.slice(s.lastIndexOf('#') + 1));
        if (d !== e.deviceId && (seenOf.get(d) ?? 0) < n) seenOf.set(d, n);
      }
    let left = [...latest.values()].filter((e) => e.seq > (seenOf.get(e.deviceId) ?? 0));
    if (left.length === 0) left = [...latest.values()];
    const texts = left.map((e) => sortedJson(e.data!['record'] ?? null));
    if (texts.some((t) => t !== texts[0])) {
      undecided.push(k.replace('\u0000', ' '));
      continue;
    }
    const record = left[0].data!['record'];
    if (record && typeof record === 'object') values.set(k, record as Rec);
  }
  return { values, undecided };
}

function sortedJson(x: unknown): string {
  if (Array.isArray(x)) return '[' + x.map(sortedJson).join(',') + ']';
  if (x === null || typeof x !== 'object') return JSON.stringify(x ?? null);
  const keys = Object.keys(x)
    .filter((k) => (x as Rec)[k] !== undefined)
    .sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + sortedJson((x as Rec)[k])).join(',') + '}';
}
