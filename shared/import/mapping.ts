/**
 * Guessing which column holds what: match each header against the target's known spellings (any
 * case, with or without tones, extra spaces or punctuation), find the header row below any title
 * rows (headers may span two rows with merged cells), and pick the sheet that holds the list.
 * The result is only a guess the user can correct before anything is imported.
 * Not here: reading the data rows (preview.ts).
 */
import type { RawCell, RawWorkbook } from './types';
import { cellText, parseMerges } from './cells';
import {
  FIELDS,
  hasRequiredColumns,
  ignoredHeaders,
  type FieldOf,
  type ImportTarget,
} from './fields';
import { sheetGrid, type SheetGrid } from './grid';
import { headerKey } from './text';

export interface ColumnMapping<T extends ImportTarget = ImportTarget> {
  readonly target: T;
  /** The field each column fills, by column index; null = ignored. */
  readonly columns: readonly (FieldOf[T] | null)[];
}

export interface SheetMapping<T extends ImportTarget = ImportTarget> extends ColumnMapping<T> {
  readonly sheetName: string;
  /** 1-based row of the header (the lower row when the header spans two). */
  readonly headerRow: number;
  /** 1-based first row that may hold data. */
  readonly firstDataRow: number;
  /** Header text per column as shown (merged cells filled in), for the UI and for messages. */
  readonly headers: readonly string[];
}

/** Title rows and notes rarely push a header further down than this. */
const HEADER_SEARCH_ROWS = 30;
/** Enough for any real list; a hostile sheet with 16,000 columns is not searched to the end. */
const HEADER_MAX_COLUMNS = 300;
const IGNORE = '∅';

interface Match {
  readonly field: string;
  readonly score: number;
}

/**
 * How well a folded header matches one spelling. The whole header beats a header that starts with
 * it, which beats one that contains it; among those, a longer spelling is more specific
 * ("ten don vi" is the unit, not the name).
 */
function matchScore(key: string, synonym: string): number {
  const exactOnly = synonym.startsWith('=');
  const syn = exactOnly ? synonym.slice(1) : synonym;
  if (key === syn) return 1000 + syn.length;
  if (exactOnly) return 0;
  if (key.startsWith(syn + ' ')) return 100 + syn.length;
  if (syn.includes(' ') && ` ${key} `.includes(` ${syn} `)) return syn.length;
  return 0;
}

function bestMatch(text: string, target: ImportTarget): Match | null {
  const key = headerKey(text);
  if (key === '') return null;
  let best: Match | null = null;
  const consider = (field: string, synonyms: readonly string[]) => {
    for (const s of synonyms) {
      const score = matchScore(key, s);
      if (score > 0 && (!best || score > best.score)) best = { field, score };
    }
  };
  consider(IGNORE, ignoredHeaders(target));
  for (const f of FIELDS[target]) consider(f.key, f.synonyms);
  return best;
}

/**
 * Field for each header, each field used at most once: the strongest matches are assigned first,
 * so "Tên đơn vị" goes to the unit even when "Tên" alone would also fit the name.
 */
export function guessMapping<T extends ImportTarget>(
  headers: readonly RawCell[],
  target: T,
): ColumnMapping<T> {
  const candidates: { col: number; match: Match }[] = [];
  headers.slice(0, HEADER_MAX_COLUMNS).forEach((h, col) => {
    const match = bestMatch(cellText(h), target);
    if (match) candidates.push({ col, match });
  });
  candidates.sort((a, b) => b.match.score - a.match.score || a.col - b.col);
  const columns: (FieldOf[T] | null)[] = headers.map(() => null);
  const used = new Set<string>();
  for (const { col, match } of candidates) {
    if (match.field === IGNORE || used.has(match.field)) continue;
    used.add(match.field);
    columns[col] = match.field as FieldOf[T];
  }
  return { target, columns };
}

/** Header text per column for a header spanning rows top..bottom: the lowest cell that names a field. */
function blockHeaders(
  grid: SheetGrid,
  top: number,
  bottom: number,
  target: ImportTarget,
): string[] {
  const width = Math.min(grid.columnCount, HEADER_MAX_COLUMNS);
  const out: string[] = [];
  for (let c = 0; c < width; c++) {
    let chosen = '';
    let chosenScore = -1;
    for (let r = bottom; r >= top; r--) {
      const text = cellText(grid.at(r, c, 'allMerges'));
      if (text === '') continue;
      const score = bestMatch(text, target)?.score ?? 0;
      if (score > chosenScore) {
        chosen = text;
        chosenScore = score;
      }
    }
    out.push(chosen);
  }
  return out;
}

interface Found<T extends ImportTarget> {
  readonly mapping: SheetMapping<T>;
  readonly score: number;
}

function findInSheet<T extends ImportTarget>(
  workbook: RawWorkbook,
  sheetIndex: number,
  target: T,
): Found<T> | null {
  const sheet = workbook.sheets[sheetIndex];
  const grid = sheetGrid(sheet);
  const spans = new Map<number, number>();
  // A header merged down over two or three rows marks a header block; sub-headers sit in its lower rows.
  for (const m of parseMerges(sheet.merges)) {
    if (m.bottom > m.top && m.top < HEADER_SEARCH_ROWS)
      spans.set(m.top, Math.max(spans.get(m.top) ?? 0, Math.min(m.bottom - m.top, 2)));
  }
  let best: Found<T> | null = null;
  for (let r = 0; r < Math.min(grid.rowCount, HEADER_SEARCH_ROWS); r++) {
    const bottom = r + (spans.get(r) ?? 0);
    const headers = blockHeaders(grid, r, bottom, target);
    const { columns } = guessMapping(headers, target);
    if (!hasRequiredColumns(target, columns)) continue;
    const score = columns.filter((c) => c !== null).length;
    // Strictly better only: of equal rows, the first (top of a two-row header) wins.
    if (!best || score > best.score) {
      best = {
        score,
        mapping: {
          target,
          columns,
          sheetName: sheet.name,
          headerRow: bottom + 1,
          firstDataRow: bottom + 2,
          headers,
        },
      };
    }
  }
  return best;
}

/** Where the header of one sheet is and what its columns hold; null when no row looks like a header. */
export function findHeader<T extends ImportTarget>(
  workbook: RawWorkbook,
  sheetName: string,
  target: T,
): SheetMapping<T> | null {
  const i = workbook.sheets.findIndex((s) => s.name === sheetName);
  return i < 0 ? null : (findInSheet(workbook, i, target)?.mapping ?? null);
}

/**
 * The sheet that best looks like a list of this target, and its mapping. The first sheet is often
 * instructions or a cover page, so every sheet is tried; equal sheets go to the first.
 */
export function guessSheetMapping<T extends ImportTarget>(
  workbook: RawWorkbook,
  target: T,
): SheetMapping<T> | null {
  let best: Found<T> | null = null;
  workbook.sheets.forEach((_s, i) => {
    const found = findInSheet(workbook, i, target);
    if (found && (!best || found.score > best.score)) best = found;
  });
  return (best as Found<T> | null)?.mapping ?? null;
}
