/**
 * A sheet's cells as a person sees them on screen: a merged range shows its top-left value over its
 * whole area. Headers use every merge; data rows only use merges down one column (a cluster name
 * merged over the rows of its teams), because a merge across columns in the data is a section
 * title ("CỤM THI SỐ 1"), not a value for each column.
 * Not here: what the values mean.
 */
import type { RawCell, RawSheet } from './types';
import { isBlank, parseMerges, type MergedRange } from './cells';

/** A hostile file can declare merges over millions of cells; beyond this many filled cells we stop filling. */
const MAX_FILLED_CELLS = 2_000_000;

export interface SheetGrid {
  readonly rowCount: number;
  readonly columnCount: number;
  /** Value shown at (row, col), 0-based, with merges filled as described above. */
  at(row: number, col: number, use: 'allMerges' | 'columnMerges'): RawCell;
  /** Value typed in the cell itself (merged cells other than the top-left are empty). */
  raw(row: number, col: number): RawCell;
  /** A row whose only content is a merge across several columns: a section title, not a record. */
  isSectionRow(row: number): boolean;
}

export function sheetGrid(sheet: RawSheet): SheetGrid {
  const rows = sheet.rows;
  const rowCount = rows.length;
  let columnCount = 0;
  for (const r of rows) columnCount = Math.max(columnCount, r.length);
  const merges = parseMerges(sheet.merges).filter((m) => m.top < rowCount);
  const all = new Map<number, RawCell>();
  const vertical = new Map<number, RawCell>();
  const wide = new Map<number, MergedRange>();
  const key = (r: number, c: number) => r * 65536 + c;
  let filled = 0;
  for (const m of merges) {
    const value = rows[m.top]?.[m.left] ?? null;
    if (m.right > m.left) wide.set(key(m.top, m.left), m);
    for (let r = m.top; r <= Math.min(m.bottom, rowCount - 1); r++) {
      for (let c = m.left; c <= Math.min(m.right, 65535); c++) {
        if (++filled > MAX_FILLED_CELLS) break;
        all.set(key(r, c), value);
        if (m.right === m.left) vertical.set(key(r, c), value);
      }
    }
  }
  const raw = (r: number, c: number): RawCell => rows[r]?.[c] ?? null;
  return {
    rowCount,
    columnCount,
    at(r, c, use) {
      const k = key(r, c);
      const map = use === 'allMerges' ? all : vertical;
      return map.has(k) ? (map.get(k) ?? null) : raw(r, c);
    },
    raw,
    isSectionRow(r) {
      const cells = rows[r] ?? [];
      const filledAt: number[] = [];
      cells.forEach((c, i) => {
        if (!isBlank(c)) filledAt.push(i);
      });
      return filledAt.length === 1 && wide.has(key(r, filledAt[0]));
    },
  };
}
