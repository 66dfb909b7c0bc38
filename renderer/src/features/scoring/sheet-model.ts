/**
 * The state of one judge's sheet in one entry mode, read from the journal projection: the values
 * shown in the grid, whether the sheet is submitted, and — for paper sheets typed twice — each
 * cell's two passes and the event refs a verification must name.
 */
import type { JournalEvent } from '@shared/journal/event';
import type { DoubleKeyCell, Projection } from '@shared/journal/projection';
import { refOf } from '@shared/journal/ref';
import type { Score } from '@shared/model/types';

/** null = direct entry (counts at once); 1 or 2 = a paper sheet's first or second typing. */
export type EntryPass = 1 | 2 | null;

export function sheetSubmitted(
  p: Projection,
  roundId: string,
  judgeId: string,
  pass: EntryPass,
): boolean {
  return p.sheets.some(
    (s) =>
      s.roundId === roundId &&
      s.judgeId === judgeId &&
      s.entrantId === null &&
      s.pass === pass &&
      s.state === 'submitted',
  );
}

/** Scores to show for a pass: official ones for direct entry, the pass's own values otherwise. */
export function passScores(
  p: Projection,
  official: readonly Score[],
  judgeId: string,
  pass: EntryPass,
): Score[] {
  if (pass === null) return official.filter((s) => s.judgeId === judgeId);
  return p.doubleKey.flatMap((c) => {
    const v = pass === 1 ? c.pass1 : c.pass2;
    if (c.judgeId !== judgeId || v.kind !== 'value') return [];
    return [
      {
        roundId: c.roundId,
        judgeId: c.judgeId,
        entrantId: c.entrantId,
        criterionId: c.criterionId,
        steps: v.steps,
      } as Score,
    ];
  });
}

/** Latest event of each pass for a cell, per device: what a verifyConfirm must list in `settles`. */
export function passRefs(
  events: readonly JournalEvent[],
  cell: Pick<DoubleKeyCell, 'roundId' | 'judgeId' | 'entrantId' | 'criterionId'>,
): string[] {
  const latest = new Map<string, JournalEvent>();
  for (const e of events) {
    if (
      e.pass === null ||
      e.roundId !== cell.roundId ||
      e.judgeId !== cell.judgeId ||
      e.entrantId !== cell.entrantId ||
      e.criterionId !== cell.criterionId
    )
      continue;
    if (!['enter', 'edit', 'clear'].includes(e.kind)) continue;
    const k = `${e.deviceId}|${e.pass}`;
    const cur = latest.get(k);
    if (!cur || cur.seq < e.seq) latest.set(k, e);
  }
  return [...latest.values()].map(refOf).sort();
}

export function passValue(c: DoubleKeyCell, pass: 1 | 2): number | null | undefined {
  const v = pass === 1 ? c.pass1 : c.pass2;
  return v.kind === 'value' ? v.steps : undefined;
}
