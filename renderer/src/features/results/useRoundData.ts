/**
 * What the results screen reads and computes for one round, at the size of the job:
 * - the round's scores in one indexed read, off the main thread (round-reads.ts), read again only
 *   after a committed write touched this round's scores (this tab's or another's, from the keys
 *   Dexie reports for each transaction). Deliberately not a live query: Dexie would record each of
 *   the ~94,000 keys read in order to watch them, about a second of main-thread work per read at
 *   1,045 models;
 * - the results, tallied once per change of the scores, the round's setup or the extras (memoised);
 * - the secretary's few extra events (penalties, objective parts, tie-break answers), projected;
 * - each round judge's sheet events (submit / reopen) through the journal's [roundId+judgeId+kind]
 *   index, projected into sheet states for the "provisional until complete" rule.
 * Each value is undefined until first read.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { startTransition, useEffect, useMemo, useState } from 'react';
import { project, type SheetState } from '@shared/journal/projection';
import type { ContestBundle } from '@shared/model/bundle';
import type { Judge, Round, RoundId, Score } from '@shared/model/types';
import {
  extrasFrom,
  roundResults,
  type Extras,
  type RoundResults,
} from '@shared/results/round-results';
import { useServices } from '../../app/services';
import type { Repos } from '../../db/repos';
import { createScoreReader, touchesRound, type ReadScores } from './round-reads';

/** One reader (one worker) per repository set, i.e. per opened database. */
const readers = new WeakMap<Repos, ReadScores>();
function readerFor(repos: Repos): ReadScores {
  let r = readers.get(repos);
  if (!r) {
    const makeWorker = () =>
      typeof Worker === 'undefined'
        ? null
        : new Worker(new URL('./score-reader.worker.ts', import.meta.url), {
            type: 'module',
            name: 'giamkhao-score-reader',
          });
    readers.set(
      repos,
      (r = createScoreReader((roundId) => repos.journal.scores(roundId), makeWorker)),
    );
  }
  return r;
}

/** The round's scores: one read now, one more after each write that touched them (never two at once). */
function useRoundScores(roundId: RoundId): {
  scores: readonly Score[] | undefined;
  error: string | null;
} {
  const { repos } = useServices();
  const [state, setState] = useState<{
    roundId: string;
    scores?: readonly Score[];
    error?: string;
  } | null>(null);
  useEffect(() => {
    let alive = true;
    let running = false;
    let again = false;
    const read = async () => {
      if (running) {
        again = true; // one more read after this one: never a stale last word
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const scores = await readerFor(repos)(roundId);
          // A transition: the tally and the board render without holding up input.
          if (alive) startTransition(() => setState({ roundId, scores }));
        } while (again && alive);
      } catch (err) {
        if (alive)
          setState({ roundId, error: `Không đọc được điểm của vòng: ${(err as Error).message}` });
      } finally {
        running = false;
      }
    };
    void read();
    const listener = (parts: ObservabilitySet) => {
      if (touchesRound(parts, roundId)) void read();
    };
    Dexie.on.storagemutated.subscribe(listener);
    return () => {
      alive = false;
      Dexie.on.storagemutated.unsubscribe(listener);
    };
  }, [repos, roundId]);
  const mine = state?.roundId === roundId ? state : null;
  return { scores: mine?.scores, error: mine?.error ?? null };
}

/** The round's extras from the secretary's events (penalties, objective parts, tie-break answers). */
export function useRoundExtras(roundId: RoundId): Extras | undefined {
  const { repos } = useServices();
  return useLiveQuery(
    async () => extrasFrom(project(await repos.journal.extraEvents(roundId)), roundId),
    [roundId],
  );
}

/** Each round judge's whole-round sheet state, from their few sheet events. */
export function useRoundSheets(
  roundId: RoundId,
  judgeIds: readonly string[],
): readonly SheetState[] | undefined {
  const { repos } = useServices();
  const judgeKey = judgeIds.join('|');
  return useLiveQuery(async () => {
    const lists = await Promise.all(
      judgeKey
        .split('|')
        .filter(Boolean)
        .map((j) => repos.journal.sheetEvents(roundId, j)),
    );
    return project(lists.flat().filter((e) => e.kind === 'submit' || e.kind === 'reopen')).sheets;
  }, [roundId, judgeKey]);
}

/** The round's results, tallied once per change of the scores, the setup or the extras. */
export function useRoundResults(
  round: Round,
  bundle: Pick<ContestBundle, 'clusters' | 'criteria' | 'entrants'>,
  judges: readonly Judge[],
  extras: Extras | undefined,
): { results: RoundResults | undefined; error: string | null } {
  const { scores, error } = useRoundScores(round.id);
  const { clusters, criteria, entrants } = bundle;
  const results = useMemo(
    () =>
      scores && extras
        ? roundResults(round, clusters, criteria, entrants, judges, scores, extras)
        : undefined,
    [round, clusters, criteria, entrants, judges, scores, extras],
  );
  return { results, error };
}
