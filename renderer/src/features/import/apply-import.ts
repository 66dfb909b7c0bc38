/**
 * Writing a confirmed import plan: the rows come from shared/setup/import-rows.ts (new records get
 * ids and orders, updated ones keep their ids and everything the file does not carry); this module
 * only hands them to the repositories, one transaction per import.
 */
import type { ContestBundle } from '@shared/model/bundle';
import type { ContestId, Round } from '@shared/model/types';
import type { CriterionRecord, EntrantRecord, JudgeRecord, UpsertPlan } from '@shared/import';
import { criterionRows, entrantRows, judgeRows } from '@shared/setup/import-rows';
import type { Repos } from '../../db/repos';

export async function applyEntrants(
  repos: Repos,
  round: Round,
  bundle: ContestBundle,
  plan: UpsertPlan<EntrantRecord>,
  newId: () => string,
): Promise<number> {
  const rows = entrantRows(round, bundle, plan, newId);
  await repos.setup.upsertEntrants(round.id, rows);
  return rows.length;
}

export async function applyJudges(
  repos: Repos,
  contestId: ContestId,
  bundle: ContestBundle,
  plan: UpsertPlan<JudgeRecord>,
  newId: () => string,
): Promise<number> {
  const rows = judgeRows(contestId, bundle, plan, newId);
  await repos.setup.upsertJudges(contestId, rows);
  return rows.length;
}

export async function applyCriteria(
  repos: Repos,
  round: Round,
  bundle: ContestBundle,
  plan: UpsertPlan<CriterionRecord>,
  newId: () => string,
): Promise<number> {
  const rows = criterionRows(round, bundle, plan, newId);
  await repos.structure.upsertCriteria(round.id, rows);
  return rows.length;
}
