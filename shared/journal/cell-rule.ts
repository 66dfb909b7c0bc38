/**
 * The one rule for what an event does to a score cell: which register it writes (the official
 * value, or a double-key pass) and the value it writes. Used by the projection and by the device's
 * own database copy, so the two cannot disagree. (The independent recount states the rule again on
 * purpose; tests/unit/cell-value-scenarios.test.ts runs one table of scenarios against all three.)
 *
 * - 'enter' / 'edit' / 'clear' without a pass, 'amend', 'verifyConfirm' (the confirmed value) and
 *   'verifyReject' (no value: retype) write the official value;
 * - 'enter' / 'edit' / 'clear' with pass 1 or 2 write that pass only, never the official value;
 * - every other kind writes no cell.
 */
import type { JournalEvent } from './event';

export type CellScope = 'score' | 'pass1' | 'pass2';

export interface CellEffect {
  readonly scope: CellScope;
  /** The value written; null = the cell is empty. */
  readonly steps: number | null;
}

export function cellEffect(e: Pick<JournalEvent, 'kind' | 'pass' | 'steps'>): CellEffect | null {
  switch (e.kind) {
    case 'enter':
    case 'edit':
    case 'clear':
      return {
        scope: e.pass === 1 ? 'pass1' : e.pass === 2 ? 'pass2' : 'score',
        steps: e.kind === 'clear' ? null : e.steps,
      };
    case 'amend':
    case 'verifyConfirm':
      return { scope: 'score', steps: e.steps };
    case 'verifyReject':
      return { scope: 'score', steps: null };
    default:
      return null;
  }
}
