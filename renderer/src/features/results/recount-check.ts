/**
 * Before any scoreboard or certificate leaves the app: recount the round straight from the journal
 * on disk with the independent recount (shared/journal/recount.ts) and compare it, exactly, with
 * the tally on screen. Returns the differences in Vietnamese; empty means the two agree.
 */
import type { JournalEvent } from '@shared/journal/event';
import { compareWithTally, recount } from '@shared/journal/recount';
import type { ContestBundle } from '@shared/model/bundle';
import type { Round } from '@shared/model/types';
import type { ResultGroup } from './results-model';

export function recountDifferences(events: readonly JournalEvent[], bundle: ContestBundle, round: Round, groups: readonly ResultGroup[]): string[] {
  if (round.policy.kind === 'zScore') return []; // z-scores are floats; the recount covers exact policies only
  const names = new Map(bundle.entrants.map((e) => [e.id as string, e.name]));
  const criteria = bundle.criteria.filter((c) => c.roundId === round.id);
  const out: string[] = [];
  for (const g of groups) {
    const excluded = g.tally.results.flatMap((r) => r.judgeTotals.filter((t) => t.absence === 'conflict' || t.absence === 'notAssigned').map((t) => ({ judgeId: t.judgeId as string, entrantId: r.entrant.id as string })));
    const rc = recount({
      roundId: round.id,
      policy: round.policy,
      missingScores: round.missingScores,
      rubrics: new Map(g.tally.results.filter((r) => r.entrant.rubric).map((r) => [r.entrant.id as string, r.entrant.rubric!])),
      events,
      criteria,
      judgeIds: g.tally.results[0]?.judgeTotals.map((t) => t.judgeId as string) ?? [],
      entrantIds: g.tally.results.map((r) => r.entrant.id as string),
      excluded,
    });
    // Both sides count judges' parts + objective parts − penalties.
    const official = g.tally.results.map((r) => ({ entrantId: r.entrant.id as string, totalCp: r.result }));
    out.push(...compareWithTally(rc, official, names).map((d) => d.message));
    if (rc.undecidedCells > 0) out.push(`${g.title}: ${rc.undecidedCells} ô điểm có hai giá trị khác nhau từ hai máy — cần người quyết định trước khi in.`);
  }
  return out;
}
