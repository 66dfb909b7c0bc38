/** Live view of a contest's setup records; undefined while loading, null if missing. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ContestId } from '@shared/model/types';
import { useServices } from '../../app/services';
import type { ContestBundle } from '@shared/model/bundle';

export function useContestBundle(contestId: ContestId): ContestBundle | null | undefined {
  const { repos } = useServices();
  return useLiveQuery(async () => (await repos.setup.loadBundle(contestId)) ?? null, [contestId]);
}
