/**
 * React view of one judge's official scores in a round (sheet-values.ts): read once through an
 * index, then only the cells each write touched; this window's saves show at once. Undefined
 * while the first read runs.
 */
import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import type { SheetValues } from './score-grid-model';
import { watchSheetValues } from './sheet-values';

export function useSheetScores(
  contestId: string,
  roundId: string,
  judgeId: string | null,
): SheetValues | undefined {
  const { repos, saver } = useServices();
  const [state, setState] = useState<{
    roundId: string;
    judgeId: string;
    values: SheetValues;
  } | null>(null);
  useEffect(() => {
    if (!judgeId) return;
    return watchSheetValues(
      repos.journal,
      roundId,
      judgeId,
      (values) => setState({ roundId, judgeId, values }),
      {
        recorded: saver.onRecorded,
        quiet: () => saver.whenRecorded(contestId),
        onError: (err) => console.error('useSheetScores', err),
      },
    );
  }, [repos, saver, contestId, roundId, judgeId]);
  return state && state.roundId === roundId && state.judgeId === judgeId ? state.values : undefined;
}
