/**
 * Reading a whole round's scores for the results screen without stalling the page: the read runs
 * in a worker (score-reader.worker.ts) and comes back as typed arrays, transferred rather than
 * copied, so the page decodes ~94,000 scores in milliseconds instead of deserialising them in one
 * long task. Where a worker cannot start (or fails), the same read runs on the page.
 * Also: whether a committed write touched a round's scores, from the key ranges Dexie reports.
 *
 * (Tallying in the worker too was tried: copying ~1,000 results back cost the page as much as the
 * tally itself, so the tally stays on the page, once per change.)
 *
 * Not here: what the screen does with the scores (useRoundData.ts, shared/results).
 */
import { cmp, type IntervalTreeNode, type ObservabilitySet } from 'dexie';
import type { CriterionId, EntrantId, JudgeId, RoundId, Score } from '@shared/model/types';

/** A round's scores as columns: ids once, then one index triple and one step count per score. */
export interface EncodedScores {
  readonly roundId: string;
  readonly judgeIds: readonly string[];
  readonly entrantIds: readonly string[];
  readonly criterionIds: readonly string[];
  /** judge, entrant, criterion index per score. */
  readonly cells: Uint32Array;
  /** steps per score; NULL_STEPS for a cleared cell. */
  readonly steps: Int32Array;
}

export const NULL_STEPS = -2147483648;

export function encodeScores(roundId: string, scores: readonly Score[]): EncodedScores {
  const tables = [
    new Map<string, number>(),
    new Map<string, number>(),
    new Map<string, number>(),
  ] as const;
  const at = (t: Map<string, number>, id: string) => {
    let i = t.get(id);
    if (i === undefined) t.set(id, (i = t.size));
    return i;
  };
  const cells = new Uint32Array(scores.length * 3);
  const steps = new Int32Array(scores.length);
  scores.forEach((s, i) => {
    cells[i * 3] = at(tables[0], s.judgeId);
    cells[i * 3 + 1] = at(tables[1], s.entrantId);
    cells[i * 3 + 2] = at(tables[2], s.criterionId);
    steps[i] = s.steps === null ? NULL_STEPS : s.steps;
  });
  const [judgeIds, entrantIds, criterionIds] = tables.map((t) => [...t.keys()]);
  return { roundId, judgeIds, entrantIds, criterionIds, cells, steps };
}

export function decodeScores(e: EncodedScores): Score[] {
  const out = new Array<Score>(e.steps.length);
  const roundId = e.roundId as RoundId;
  for (let i = 0; i < e.steps.length; i++) {
    const steps = e.steps[i];
    out[i] = {
      roundId,
      judgeId: e.judgeIds[e.cells[i * 3]] as JudgeId,
      entrantId: e.entrantIds[e.cells[i * 3 + 1]] as EntrantId,
      criterionId: e.criterionIds[e.cells[i * 3 + 2]] as CriterionId,
      steps: steps === NULL_STEPS ? null : steps,
    };
  }
  return out;
}

/** Whether a write's key ranges on the scores table touch this round (every scores key starts with its round). */
export function touchesRound(parts: ObservabilitySet, roundId: string): boolean {
  const lo = [roundId];
  const hi = [roundId, []]; // arrays sort after strings: above every [roundId, …] key
  const walk = (n: IntervalTreeNode | null | undefined): boolean => {
    if (!n || !('from' in n)) return false;
    if (cmp(n.to, roundId) >= 0 && cmp(n.from, roundId) <= 0) return true; // the roundId index
    if (cmp(n.to, lo) >= 0 && cmp(n.from, hi) <= 0) return true; // compound keys
    return walk(n.l) || walk(n.r);
  };
  for (const [part, tree] of Object.entries(parts)) {
    if (/^idb:\/\/[^/]+\/scores\//.test(part) && walk(tree as IntervalTreeNode)) return true;
  }
  return false;
}

export type ReadScores = (roundId: RoundId) => Promise<readonly Score[]>;

interface Reply {
  readonly id: number;
  readonly encoded?: EncodedScores;
  readonly error?: string;
}

/**
 * The page's reader: the worker while it works, `fallback` (the repository on the page) when it
 * cannot start and from its first failure on — a failed worker read is answered on the page.
 */
export function createScoreReader(
  fallback: ReadScores,
  makeWorker: () => Worker | null,
): ReadScores {
  let worker: Worker | null | undefined;
  let next = 0;
  const pending = new Map<
    number,
    {
      readonly roundId: RoundId;
      readonly resolve: (s: readonly Score[]) => void;
      readonly reject: (e: unknown) => void;
    }
  >();
  const giveUp = () => {
    worker?.terminate();
    worker = null;
    for (const [id, p] of pending) {
      pending.delete(id);
      fallback(p.roundId).then(p.resolve, p.reject);
    }
  };
  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = makeWorker();
    } catch {
      worker = null;
    }
    if (!worker) return null;
    worker.onmessage = (ev: MessageEvent<Reply>) => {
      const p = pending.get(ev.data.id);
      if (!p) return;
      if (!ev.data.encoded) return giveUp(); // p is still pending: answered on the page
      pending.delete(ev.data.id);
      p.resolve(decodeScores(ev.data.encoded));
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      giveUp();
    };
    return worker;
  };
  return (roundId) => {
    const w = start();
    if (!w) return fallback(roundId);
    return new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { roundId, resolve, reject });
      w.postMessage({ id, roundId });
    });
  };
}
