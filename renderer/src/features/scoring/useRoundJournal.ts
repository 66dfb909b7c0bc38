/** Live projection of one judge's events in a round (sheets, passes, official scores). */
import { useLiveQuery } from 'dexie-react-hooks';
import { project, type Projection } from '@shared/journal/projection';
import type { JournalEvent } from '@shared/journal/event';
import { useServices } from '../../app/services';

export function useJudgeJournal(roundId: string, judgeId: string | null): { events: JournalEvent[]; projection: Projection } | undefined {
  const { repos } = useServices();
  return useLiveQuery(async () => {
    const events = judgeId ? await repos.journal.eventsOf(roundId, judgeId) : [];
    return { events, projection: project(events) };
  }, [roundId, judgeId]);
}
