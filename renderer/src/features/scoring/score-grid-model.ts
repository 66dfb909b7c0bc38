/**
 * Rows and columns of one judge's score sheet, derived from setup records and projected scores.
 * Plain functions so the grid component only renders.
 */
import { effectiveWeight, leaves, partOf } from '@shared/model/criteria-tree';
import type { Criterion, Entrant, Judge, Score } from '@shared/model/types';
import { buildExclusion, sameUnit } from '@shared/awards/exclusion';

export interface SheetRow {
  readonly entrant: Entrant;
  /** Steps per leaf criterion id; absent = not scored yet. */
  readonly values: Readonly<Record<string, number | null>>;
  /** Text being typed in the open editor (not yet a score). */
  readonly draft?: { readonly criterionId: string; readonly text: string };
  /** Judge may not score this entrant (same unit: conflict of interest). */
  readonly conflict: boolean;
}

export const isConflict = (judge: Judge, entrant: Entrant): boolean => sameUnit(judge.unit, entrant.unit);

const excluded = buildExclusion();

/**
 * One row per entrant this judge may be asked about: entrants outside the judge's clusters, fields
 * (field panels) or rounds are left out; a conflict of interest stays visible but locked.
 */
export function sheetRows(entrants: readonly Entrant[], judge: Judge, scores: readonly Score[]): SheetRow[] {
  const mine = scores.filter((s) => s.judgeId === judge.id);
  return entrants.filter((e) => excluded(judge, e) !== 'notAssigned').map((entrant) => {
    const values: Record<string, number | null> = {};
    for (const s of mine) if (s.entrantId === entrant.id && s.steps !== null) values[s.criterionId] = s.steps;
    return { entrant, values, conflict: isConflict(judge, entrant) };
  });
}

export function rowTotalCp(row: SheetRow, criteria: readonly Criterion[]): { totalCp: number; scored: number; expected: number } {
  const ls = leaves(criteria).filter((c) => !c.objective);
  let totalCp = 0;
  let scored = 0;
  for (const c of ls) {
    const v = row.values[c.id];
    if (v !== undefined && v !== null) {
      totalCp += v * c.stepCp * effectiveWeight(criteria, c.id);
      scored++;
    }
  }
  return { totalCp, scored, expected: ls.length };
}

export interface ColumnGroupSpec {
  readonly part: Criterion;
  readonly leaves: readonly Criterion[];
}

/** Leaves grouped under their top-level part, in display order. */
export function columnGroups(criteria: readonly Criterion[]): ColumnGroupSpec[] {
  const groups: ColumnGroupSpec[] = [];
  for (const leaf of leaves(criteria).filter((c) => !c.objective)) {
    const part = partOf(criteria, leaf.id) ?? leaf;
    const last = groups[groups.length - 1];
    if (last && last.part.id === part.id) (last.leaves as Criterion[]).push(leaf);
    else groups.push({ part, leaves: [leaf] });
  }
  return groups;
}
