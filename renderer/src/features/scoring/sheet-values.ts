/**
 * One judge's official scores in a round, live at the cost of what changes: one read through the
 * [roundId+judgeId] index when the sheet opens; after that, each committed write that touched the
 * sheet (a save here, a restore, another tab) has only the cells it touched read again, by key. A
 * write over a range of keys (restore, bulk load) reads the sheet again.
 *
 * A value saved here shows at once, from the event just stored (by the same rule the database
 * copy follows: journal-repo's scoreFromEvent), and the re-read that confirms it waits until no
 * record is pending, so reads never queue between the records of fast typing.
 *
 * Values come per entrant, and an entrant's record is a new object only when one of its cells
 * changed, so the grid re-renders that row alone. Plain code (no React) so it is tested on Dexie.
 *
 * Not here: double-key pass values (useJudgeJournal), the round's other judges (read on demand).
 */
import type { JournalEvent } from '@shared/journal/event';
import { scoreFromEvent, type JournalRepo, type ScoreKey } from '../../db/repos/journal-repo';
import { valuesOf, type RowValues, type SheetValues } from './score-grid-model';

type SheetReads = Pick<JournalRepo, 'sheetScores' | 'scoresAt' | 'watchSheet'>;

const sameRecord = (a: RowValues | undefined, b: RowValues): boolean => {
  if (!a) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

export interface SheetValuesOptions {
  /** Events just stored by this window's saves (ScoreSaver.onRecorded). */
  readonly recorded?: (listener: (e: JournalEvent) => void) => () => void;
  /** Resolves when no record is pending (ScoreSaver.whenRecorded); reads wait for it. */
  readonly quiet?: () => Promise<void>;
  readonly onError?: (err: unknown) => void;
}

/** Start watching; `onValues` gets each new state of the sheet. Returns the stop function. */
export function watchSheetValues(
  journal: SheetReads,
  roundId: string,
  judgeId: string,
  onValues: (values: SheetValues) => void,
  options: SheetValuesOptions = {},
): () => void {
  const { recorded, quiet = () => Promise.resolve(), onError = () => undefined } = options;
  let live = true;
  let values = new Map<string, RowValues>();
  let full = true; // a whole read is due
  const dirty = new Map<string, ScoreKey>(); // cells due for a read
  let running = false;

  // One read at a time, in order, so a later read always lands after an earlier one.
  async function pump() {
    if (running) return;
    running = true;
    try {
      while (live && (full || dirty.size > 0)) {
        await quiet();
        if (!live) break;
        if (full) {
          full = false;
          dirty.clear();
          const read = valuesOf(await journal.sheetScores(roundId, judgeId));
          const next = new Map<string, RowValues>();
          for (const [e, rec] of read)
            next.set(e, sameRecord(values.get(e), rec) ? values.get(e)! : rec);
          values = next;
        } else {
          const keys = [...dirty.values()];
          dirty.clear();
          const got = await journal.scoresAt(keys);
          const next = new Map(values);
          let changed = false;
          keys.forEach(
            ([, , entrantId, criterionId], i) =>
              (changed = setCell(next, entrantId, criterionId, got[i]?.steps ?? null) || changed),
          );
          if (!changed) continue; // a read confirming what was shown already
          values = next;
        }
        if (live) onValues(values);
      }
    } catch (err) {
      onError(err);
    } finally {
      running = false;
    }
  }

  const stop = journal.watchSheet(roundId, judgeId, (touched) => {
    if (touched === 'all') full = true;
    else for (const k of touched) dirty.set(k.join('\u0000'), k);
    void pump();
  });
  // Our own saves: shown at once; the read above still confirms them when the records are done.
  const stopRecorded = recorded?.((e) => {
    const s = scoreFromEvent(e);
    if (!live || !s || s.roundId !== roundId || s.judgeId !== judgeId) return;
    const next = new Map(values);
    if (!setCell(next, s.entrantId, s.criterionId, s.steps)) return;
    values = next;
    onValues(values);
  });
  void pump();
  return () => {
    live = false;
    stop();
    stopRecorded?.();
  };
}

/** Put one cell's steps into `values` (a copy the caller owns); false when nothing changed. */
function setCell(
  values: Map<string, RowValues>,
  entrantId: string,
  criterionId: string,
  steps: number | null,
): boolean {
  const prev = values.get(entrantId) ?? {};
  if ((prev[criterionId] ?? null) === steps && (steps !== null || !(criterionId in prev)))
    return false;
  const rec: Record<string, number | null> = { ...prev };
  if (steps === null) delete rec[criterionId];
  else rec[criterionId] = steps;
  values.set(entrantId, rec);
  return true;
}
