/**
 * Live projections of one judge's own sheet events in a round, read through indexes so a score
 * entry never re-runs them: the sheet's submit/reopen/comment events always, and — only in the
 * paper-sheet modes — the double-key pass entries with their verifications.
 *
 * Not here: the official cell values (useSheetScores).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { project, type Projection } from '@shared/journal/projection';
import type { JournalEvent } from '@shared/journal/event';
import { useServices } from '../../app/services';

export interface JudgeJournal {
  /** Submissions, reopenings and remarks. */
  readonly sheet: Projection;
  /** Double-key passes and verifications; null unless asked for. */
  readonly passes: { readonly events: JournalEvent[]; readonly projection: Projection } | null;
}

export function useJudgeJournal(
  roundId: string,
  judgeId: string | null,
  withPasses: boolean,
): JudgeJournal | undefined {
  const { repos } = useServices();
  const sheet = useLiveQuery(
    async () => (judgeId ? project(await repos.journal.sheetEvents(roundId, judgeId)) : null),
    [roundId, judgeId],
  );
  const passes = useLiveQuery(async () => {
    if (!judgeId || !withPasses) return null;
    const events = await repos.journal.passEvents(roundId, judgeId);
    return { events, projection: project(events) };
  }, [roundId, judgeId, withPasses]);
  if (!sheet || passes === undefined || (withPasses && !passes)) return undefined;
  return { sheet, passes };
}
