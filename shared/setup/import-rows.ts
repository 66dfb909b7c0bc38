/**
 * The records a confirmed import plan writes: new rows get ids (from the caller's `newId`) and
 * orders after the highest stored one; updated rows keep their id, order and every field the file
 * does not carry (a judge's PIN and rounds, an entrant's rubric and origin, a criterion's
 * rubric scope). A field the file leaves empty is removed, never stored as `undefined`.
 *
 * Not here: planning (shared/import/upsert.ts) and the write itself — the renderer hands these rows
 * to the repositories in one transaction (renderer/src/features/import/apply-import.ts).
 */
import type { ContestBundle } from '../model/bundle';
import type {
  ClusterId,
  ContestId,
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Judge,
  JudgeId,
  Round,
} from '../model/types';
import {
  entrantFields,
  judgeFields,
  type CriterionRecord,
  type EntrantRecord,
  type JudgeRecord,
  type UpsertPlan,
} from '../import';

/** Drops keys holding undefined, so an emptied field is absent rather than a key without a value. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

function stored<T>(byId: ReadonlyMap<string, T>, id: string, what: string): T {
  const found = byId.get(id);
  // The plan was made from these very records; a miss means the plan and the bundle disagree.
  if (!found) throw new Error(`import plan updates ${what} ${id}, which this round does not have`);
  return found;
}

export function entrantRows(
  round: Round,
  bundle: ContestBundle,
  plan: UpsertPlan<EntrantRecord>,
  newId: () => string,
): Entrant[] {
  const existing = new Map(
    bundle.entrants.filter((e) => e.roundId === round.id).map((e) => [e.id as string, e]),
  );
  let order = Math.max(0, ...[...existing.values()].map((e) => e.order));
  return [
    ...plan.update.map((u) =>
      defined<Entrant>({ ...stored(existing, u.id, 'entrant'), ...entrantFields(u.record) }),
    ),
    ...plan.create.map((c) =>
      defined<Entrant>({
        ...entrantFields(c.record),
        id: newId() as EntrantId,
        roundId: round.id,
        order: ++order,
      }),
    ),
  ];
}

export function judgeRows(
  contestId: ContestId,
  bundle: ContestBundle,
  plan: UpsertPlan<JudgeRecord>,
  newId: () => string,
): Judge[] {
  const existing = new Map(bundle.judges.map((j) => [j.id as string, j]));
  let order = Math.max(0, ...bundle.judges.map((j) => j.order));
  return [
    ...plan.update.map((u) =>
      defined<Judge>({ ...stored(existing, u.id, 'judge'), ...judgeFields(u.record) }),
    ),
    ...plan.create.map((c) =>
      defined<Judge>({
        ...judgeFields(c.record),
        id: newId() as JudgeId,
        contestId,
        order: ++order,
      }),
    ),
  ];
}

/** Criteria: parts first, so every criterion can be linked to its part's id (new parts included). */
export function criterionRows(
  round: Round,
  bundle: ContestBundle,
  plan: UpsertPlan<CriterionRecord>,
  newId: () => string,
): Criterion[] {
  const inRound = bundle.criteria.filter((c) => c.roundId === round.id);
  const byId = new Map(inRound.map((c) => [c.id as string, c]));
  const partId = new Map(inRound.filter((c) => c.parentId === null).map((c) => [c.name, c.id]));
  const records = [
    ...plan.update.map((u) => ({ id: u.id as string | null, record: u.record })),
    ...plan.create.map((c) => ({ id: null as string | null, record: c.record })),
  ];
  records.sort((a, b) => Number(a.record.part !== null) - Number(b.record.part !== null));
  const out: Criterion[] = [];
  for (const { id, record } of records) {
    const before = id === null ? undefined : stored(byId, id, 'criterion');
    const cid = before?.id ?? (newId() as CriterionId);
    if (record.part === null) partId.set(record.name, cid);
    const parentId = record.part === null ? null : (partId.get(record.part) ?? null);
    out.push(
      defined<Criterion>({
        ...(before ?? {}),
        id: cid,
        roundId: round.id,
        parentId,
        name: record.name,
        order: record.order,
        maxCp: record.maxCp ?? before?.maxCp ?? 0,
        stepCp: record.stepCp,
        weight: record.weight,
        objective: record.objective || undefined,
        description: record.description ?? undefined,
      }),
    );
  }
  return out;
}

/** The round's clusters as the import preview matches them by name. */
export const clusterIdsOf = (bundle: ContestBundle, round: Round) =>
  bundle.clusters
    .filter((c) => c.roundId === round.id)
    .map((c) => ({ id: c.id as ClusterId, name: c.name }));
