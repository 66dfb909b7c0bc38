/**
 * Writing a confirmed import plan: new records get ids and orders, updated ones keep their ids and
 * everything the file does not carry. One transaction per import (through the repositories).
 */
import type { ContestBundle } from '@shared/model/bundle';
import type { ClusterId, ContestId, CriterionId, Entrant, EntrantId, Judge, JudgeId, Round } from '@shared/model/types';
import { entrantFields, judgeFields, type CriterionRecord, type EntrantRecord, type JudgeRecord, type UpsertPlan } from '@shared/import';
import type { Criterion } from '@shared/model/types';
import type { Repos } from '../../db/repos';

export async function applyEntrants(repos: Repos, round: Round, bundle: ContestBundle, plan: UpsertPlan<EntrantRecord>, newId: () => string): Promise<number> {
  const existing = new Map(bundle.entrants.filter((e) => e.roundId === round.id).map((e) => [e.id as string, e]));
  let order = Math.max(0, ...[...existing.values()].map((e) => e.order));
  const rows: Entrant[] = [
    ...plan.update.map((u) => ({ ...existing.get(u.id)!, ...entrantFields(u.record) }) as Entrant),
    ...plan.create.map((c) => ({ ...entrantFields(c.record), id: newId() as EntrantId, roundId: round.id, order: ++order }) as Entrant),
  ];
  await repos.setup.upsertEntrants(round.id, rows);
  return rows.length;
}

export async function applyJudges(repos: Repos, contestId: ContestId, bundle: ContestBundle, plan: UpsertPlan<JudgeRecord>, newId: () => string): Promise<number> {
  const existing = new Map(bundle.judges.map((j) => [j.id as string, j]));
  let order = Math.max(0, ...bundle.judges.map((j) => j.order));
  const rows: Judge[] = [
    ...plan.update.map((u) => ({ ...existing.get(u.id)!, ...judgeFields(u.record) }) as Judge),
    ...plan.create.map((c) => ({ ...judgeFields(c.record), id: newId() as JudgeId, contestId, order: ++order }) as Judge),
  ];
  await repos.setup.upsertJudges(contestId, rows);
  return rows.length;
}

/** Criteria: parts first, so every criterion can be linked to its part's id. */
export async function applyCriteria(repos: Repos, round: Round, bundle: ContestBundle, plan: UpsertPlan<CriterionRecord>, newId: () => string): Promise<number> {
  const inRound = bundle.criteria.filter((c) => c.roundId === round.id);
  const byId = new Map(inRound.map((c) => [c.id as string, c]));
  const partId = new Map(inRound.filter((c) => c.parentId === null).map((c) => [c.name, c.id]));
  const records = [...plan.update.map((u) => ({ id: u.id, record: u.record })), ...plan.create.map((c) => ({ id: null as string | null, record: c.record }))];
  records.sort((a, b) => Number(a.record.part !== null) - Number(b.record.part !== null));
  const out: Criterion[] = [];
  for (const { id, record } of records) {
    const before = id ? byId.get(id) : undefined;
    const cid = (before?.id ?? (newId() as CriterionId)) as CriterionId;
    if (record.part === null) partId.set(record.name, cid);
    const parentId = record.part === null ? null : (partId.get(record.part) ?? null);
    out.push({
      ...(before ?? {}), id: cid, roundId: round.id, parentId, name: record.name, order: record.order,
      maxCp: record.maxCp ?? before?.maxCp ?? 0, stepCp: record.stepCp, weight: record.weight, objective: record.objective || undefined,
      description: record.description ?? undefined,
    });
  }
  await repos.structure.upsertCriteria(round.id, out);
  return out.length;
}

export const clusterIdsOf = (bundle: ContestBundle, round: Round) =>
  bundle.clusters.filter((c) => c.roundId === round.id).map((c) => ({ id: c.id as ClusterId, name: c.name }));
