/**
 * Setup records and board decisions as journal events, so that everything that can alter a result
 * — round rules, criteria, panels, entrants, decisions, locks — is in the same append-only, chained
 * journal as the scores, with who, when and why. The database tables and the setup file on disk are
 * projections of these events (setup-projection.ts), never a second truth.
 *
 * A 'setup' event carries `data: { entity, id, record }`: the whole record after the change, or
 * null when it was removed. Derived fields are never recorded: a round's `locked` comes from lock
 * events and its `decisions` from decision events. A 'decision' event carries `data: { key, item }`:
 * one item of RoundDecisions without its Decided fields (reason, by, at come from the event).
 *
 * Not here: what the current setup is (setup-projection.ts); the tables (renderer/src/db).
 */
import type {
  Cluster,
  Contest,
  Criterion,
  Entrant,
  Judge,
  Round,
  RoundDecisions,
} from '../model/types';
import type { JournalEvent, UnsealedEvent } from './event';

export const SETUP_ENTITIES = [
  'contest',
  'round',
  'cluster',
  'criterion',
  'judge',
  'entrant',
] as const;
export type SetupEntity = (typeof SETUP_ENTITIES)[number];

export interface SetupRecords {
  contest: Contest;
  round: Round;
  cluster: Cluster;
  criterion: Criterion;
  judge: Judge;
  entrant: Entrant;
}

export type AnySetupRecord = SetupRecords[SetupEntity];

export interface SetupData {
  readonly entity: SetupEntity;
  readonly id: string;
  readonly record: Record<string, unknown> | null;
}

export const DECISION_KEYS = [
  'prizeOverrides',
  'countChanges',
  'discrepancies',
  'advancement',
  'chosenSidePrizes',
  'absences',
] as const;
export type DecisionKey = (typeof DECISION_KEYS)[number] & keyof RoundDecisions;

export interface DecisionData {
  readonly key: DecisionKey;
  readonly item: Record<string, unknown>;
}

/** roundId of contest-level records (the contest, its judges): they belong to no round. */
export const CONTEST_SCOPE = '*';

/** The round a record belongs to, or CONTEST_SCOPE. */
export function scopeOf(
  entity: SetupEntity,
  record: { readonly id: string; readonly roundId?: string },
): string {
  if (entity === 'contest' || entity === 'judge') return CONTEST_SCOPE;
  if (entity === 'round') return record.id;
  return record.roundId ?? CONTEST_SCOPE;
}

/** The record as it is journalled: derived fields (a round's lock and decisions) left out. */
export function recordedForm(
  entity: SetupEntity,
  record: AnySetupRecord | null,
): Record<string, unknown> | null {
  if (record === null) return null;
  if (entity === 'round') {
    const { locked: _l, decisions: _d, ...rest } = record as Round;
    return rest as Record<string, unknown>;
  }
  return { ...record } as Record<string, unknown>;
}

/** Stable text of a value: sorted keys, undefined dropped — what "unchanged" is compared by. */
export function stableText(x: unknown): string {
  return JSON.stringify(sorted(x)) ?? 'null';
}

function sorted(x: unknown): unknown {
  if (Array.isArray(x)) return x.map((v) => (v === undefined ? null : sorted(v)));
  if (typeof x !== 'object' || x === null) return x;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(x).sort())
    if ((x as Record<string, unknown>)[k] !== undefined)
      out[k] = sorted((x as Record<string, unknown>)[k]);
  return out;
}

/** Did the change alter the journalled form of the record? A save that changes nothing writes nothing. */
export function setupChanged(
  entity: SetupEntity,
  before: AnySetupRecord | null | undefined,
  after: AnySetupRecord | null,
): boolean {
  return (
    stableText(recordedForm(entity, before ?? null)) !== stableText(recordedForm(entity, after))
  );
}

export interface EventMeta {
  readonly contestId: string;
  readonly by: JournalEvent['by'];
  readonly at: string;
  readonly reason?: string | null;
}

/** The event that puts `after` (or removes `before` when after is null). */
export function setupEvent(
  entity: SetupEntity,
  before: AnySetupRecord | null | undefined,
  after: AnySetupRecord | null,
  meta: EventMeta,
): UnsealedEvent {
  const ref = (after ?? before)!;
  const id = ref.id as string;
  return {
    v: 1,
    contestId: meta.contestId,
    roundId: scopeOf(entity, ref as { id: string; roundId?: string }),
    judgeId: entity === 'judge' ? id : null,
    entrantId: entity === 'entrant' ? id : null,
    criterionId: entity === 'criterion' ? id : null,
    kind: 'setup',
    steps: null,
    pass: null,
    by: meta.by,
    at: meta.at,
    reason: meta.reason?.trim() ? meta.reason.trim() : null,
    data: {
      entity,
      id,
      record: recordedForm(entity, after),
    } satisfies SetupData as unknown as Record<string, unknown>,
  };
}

/** The event recording one board decision on a round (the reason is required). */
export function decisionEvent(
  roundId: string,
  key: DecisionKey,
  item: Record<string, unknown>,
  meta: EventMeta & { readonly reason: string },
): UnsealedEvent {
  return {
    v: 1,
    contestId: meta.contestId,
    roundId,
    judgeId: typeof item['judgeId'] === 'string' ? (item['judgeId'] as string) : null,
    entrantId: typeof item['entrantId'] === 'string' ? (item['entrantId'] as string) : null,
    criterionId: null,
    kind: 'decision',
    steps: null,
    pass: null,
    by: meta.by,
    at: meta.at,
    reason: meta.reason.trim(),
    data: { key, item } satisfies DecisionData as unknown as Record<string, unknown>,
  };
}

/** The setup data of an event, or null when it is not a well-formed setup event. */
export function setupDataOf(e: JournalEvent): SetupData | null {
  if (e.kind !== 'setup' || !e.data) return null;
  const { entity, id, record } = e.data as Partial<SetupData>;
  if (!SETUP_ENTITIES.includes(entity as SetupEntity) || typeof id !== 'string' || id === '')
    return null;
  if (
    record !== null &&
    (typeof record !== 'object' || Array.isArray(record) || record === undefined)
  )
    return null;
  return { entity: entity as SetupEntity, id, record };
}

export function decisionDataOf(e: JournalEvent): DecisionData | null {
  if (e.kind !== 'decision' || !e.data) return null;
  const { key, item } = e.data as Partial<DecisionData>;
  if (
    !DECISION_KEYS.includes(key as DecisionKey) ||
    typeof item !== 'object' ||
    item === null ||
    Array.isArray(item)
  )
    return null;
  return { key: key as DecisionKey, item };
}

/** Kinds the setup projection reads; everything else is scores. */
export const isSetupSide = (e: Pick<JournalEvent, 'kind'>): boolean =>
  e.kind === 'setup' || e.kind === 'decision' || e.kind === 'lock';
