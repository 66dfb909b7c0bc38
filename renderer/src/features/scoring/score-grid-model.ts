/**
 * Rows and columns of one judge's score sheet, derived from setup records and the sheet's values.
 * Plain functions so the grid component only renders.
 *
 * Rows are stable: a row object is rebuilt only when its entrant, its values or its cells' save
 * states change, so after a save the grid re-renders the one row that changed. Totals are cached
 * per values record, so nothing per keystroke walks the whole sheet's cells.
 */
import { effectiveWeight, leaves, partOf } from '@shared/model/criteria-tree';
import type { Criterion, Entrant, Judge, Score } from '@shared/model/types';
import { buildExclusion, sameUnit } from '@shared/awards/exclusion';
import { findOutliers, type Outlier } from '@shared/scoring/outliers';

/** A cell typed in this session: being saved, saved (IndexedDB and journal), on this device only, or not stored at all. */
export type CellState = 'saving' | 'saved' | 'localOnly' | 'failed';

/** Steps per leaf criterion id; absent = not scored yet. */
export type RowValues = Readonly<Record<string, number | null>>;
/** One judge's values, per entrant id (entrants without any value may be absent). */
export type SheetValues = ReadonlyMap<string, RowValues>;
/** Save states of the cells typed in this session, per entrant id, then per criterion id. */
export type SheetStates = ReadonlyMap<string, Readonly<Record<string, CellState>>>;

export interface SheetRow {
  readonly entrant: Entrant;
  readonly values: RowValues;
  /** Save state per criterion id of the cells typed in this session. */
  readonly state: Readonly<Record<string, CellState>>;
  /** Text being typed in the open editor (not yet a score). */
  readonly draft?: { readonly criterionId: string; readonly text: string };
  /** Judge may not score this entrant (same unit: conflict of interest). */
  readonly conflict: boolean;
}

export const isConflict = (judge: Judge, entrant: Entrant): boolean =>
  sameUnit(judge.unit, entrant.unit);

const excluded = buildExclusion();
const NONE: RowValues = Object.freeze({});
const NO_STATE: Readonly<Record<string, CellState>> = Object.freeze({});

/** Entrants this judge may be asked about: outside the judge's clusters, fields or rounds are left out. */
export function sheetEntrants(entrants: readonly Entrant[], judge: Judge): Entrant[] {
  return entrants.filter((e) => excluded(judge, e) !== 'notAssigned');
}

/**
 * One row per entrant of `entrants` (already filtered by sheetEntrants), reusing the row kept in
 * `cache` whenever its entrant, values and states are the same objects as last time. A conflict of
 * interest stays visible but locked.
 */
export function sheetRows(
  entrants: readonly Entrant[],
  judge: Judge,
  values: SheetValues,
  states: SheetStates,
  cache: Map<string, SheetRow>,
): SheetRow[] {
  return entrants.map((entrant) => {
    const v = values.get(entrant.id) ?? NONE;
    const st = states.get(entrant.id) ?? NO_STATE;
    const had = cache.get(entrant.id);
    if (had && had.entrant === entrant && had.values === v && had.state === st) return had;
    const row: SheetRow = { entrant, values: v, state: st, conflict: isConflict(judge, entrant) };
    cache.set(entrant.id, row);
    return row;
  });
}

/** Per-entrant value records from a list of scores (non-null steps only, as the grid shows them). */
export function valuesOf(
  scores: readonly Pick<Score, 'entrantId' | 'criterionId' | 'steps'>[],
): Map<string, Record<string, number | null>> {
  const out = new Map<string, Record<string, number | null>>();
  for (const s of scores) {
    if (s.steps === null) continue;
    let rec = out.get(s.entrantId);
    if (!rec) out.set(s.entrantId, (rec = {}));
    rec[s.criterionId] = s.steps;
  }
  return out;
}

/** The scored leaves with their effective weights, worked out once per criteria list. */
interface TotalPlan {
  readonly leaves: readonly { readonly id: string; readonly cpPerStep: number }[];
  readonly byValues: WeakMap<RowValues, RowTotal>;
}

export interface RowTotal {
  readonly totalCp: number;
  readonly scored: number;
  readonly expected: number;
}

const plans = new WeakMap<readonly Criterion[], TotalPlan>();
function planOf(criteria: readonly Criterion[]): TotalPlan {
  let p = plans.get(criteria);
  if (!p) {
    const ls = leaves(criteria).filter((c) => !c.objective);
    plans.set(
      criteria,
      (p = {
        leaves: ls.map((c) => ({
          id: c.id,
          cpPerStep: c.stepCp * effectiveWeight(criteria, c.id),
        })),
        byValues: new WeakMap(),
      }),
    );
  }
  return p;
}

function totalOf(values: RowValues, plan: TotalPlan): RowTotal {
  let totalCp = 0;
  let scored = 0;
  for (const c of plan.leaves) {
    const v = values[c.id];
    if (v !== undefined && v !== null) {
      totalCp += v * c.cpPerStep;
      scored++;
    }
  }
  return { totalCp, scored, expected: plan.leaves.length };
}

/** A row's weighted total; cached per values record, so an unchanged row costs nothing. */
export function rowTotalCp(
  row: Pick<SheetRow, 'values'>,
  criteria: readonly Criterion[],
): RowTotal {
  const plan = planOf(criteria);
  let t = plan.byValues.get(row.values);
  if (!t) plan.byValues.set(row.values, (t = totalOf(row.values, plan)));
  return t;
}

/** Rows whose every scored criterion has a value. */
export function completeRows(rows: readonly SheetRow[], criteria: readonly Criterion[]): number {
  let n = 0;
  for (const r of rows) {
    const t = rowTotalCp(r, criteria);
    if (t.scored === t.expected) n++;
  }
  return n;
}

/**
 * The outlier prompt before a judge submits, from the round's scores read at that moment: this
 * judge's totals against their own median and against the other judges' complete totals for the
 * same entrant. One pass over the scores.
 */
export function sheetOutliers(
  rows: readonly SheetRow[],
  judge: Judge,
  judges: readonly Judge[],
  criteria: readonly Criterion[],
  roundScores: readonly Score[],
  maxCp: number,
): Outlier[] {
  const plan = planOf(criteria);
  const onSheet = new Set(rows.map((r) => r.entrant.id));
  const others = new Map(judges.filter((j) => j.id !== judge.id).map((j) => [j.id as string, j]));
  const perJudge = new Map<string, Map<string, Record<string, number | null>>>(); // entrant → judge → values
  for (const s of roundScores) {
    if (!onSheet.has(s.entrantId) || !others.has(s.judgeId) || s.steps === null) continue;
    let byJudge = perJudge.get(s.entrantId);
    if (!byJudge) perJudge.set(s.entrantId, (byJudge = new Map()));
    let rec = byJudge.get(s.judgeId);
    if (!rec) byJudge.set(s.judgeId, (rec = {}));
    rec[s.criterionId] = s.steps;
  }
  return findOutliers(
    rows.map((r) => {
      const panelCp: number[] = [];
      for (const [judgeId, values] of perJudge.get(r.entrant.id) ?? []) {
        if (excluded(others.get(judgeId)!, r.entrant) === 'notAssigned') continue;
        const t = totalOf(values, plan);
        if (t.scored === t.expected && t.expected > 0) panelCp.push(t.totalCp);
      }
      return {
        entrantId: r.entrant.id,
        entrantName: r.entrant.name,
        totalCp: rowTotalCp(r, criteria).totalCp,
        panelCp,
      };
    }),
    maxCp,
  );
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
