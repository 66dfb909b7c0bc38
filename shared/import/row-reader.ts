/**
 * One data row seen through a column mapping: read a field as text, centipoints or a whole number,
 * and report a problem at that field's cell. Every read that fails reports once and returns
 * undefined, so a row parser can keep going and collect all of the row's problems in one pass.
 * Not here: what each target requires (row-parsers.ts).
 */
import type { RawCell } from './types';
import { isBlank, readCentipoints, readInteger, readText, type CellRead } from './cells';
import type { SheetGrid } from './grid';
import {
  describeCellIssue,
  problem,
  type ImportProblem,
  type Place,
  type ProblemCode,
} from './problems';

/** Names, units and titles longer than this are pasted paragraphs or garbage, not values. */
export const MAX_TEXT = 500;
/** Summaries may hold the registration text. */
export const MAX_LONG_TEXT = 20_000;

export interface RowReader<F extends string> {
  /** 1-based row as in the file. */
  readonly row: number;
  readonly problems: ImportProblem[];
  has(field: F): boolean;
  /** Trimmed NFC text; '' when blank or the column is not mapped; undefined after a reported problem. */
  text(field: F, maxLength?: number): string | undefined;
  centipoints(field: F): number | null | undefined;
  integer(field: F): number | null | undefined;
  report(field: F | null, code: ProblemCode, detail: string, severity?: 'error' | 'warning'): void;
  readonly hasErrors: boolean;
}

export interface RowSource {
  readonly grid: SheetGrid;
  readonly place: Place;
  /** Column index per field. */
  readonly columnOf: ReadonlyMap<string, number>;
  readonly headers: readonly string[];
  readonly headerOf: (field: string) => string;
}

export function rowReader<F extends string>(src: RowSource, rowIndex: number): RowReader<F> {
  const problems: ImportProblem[] = [];
  const row = rowIndex + 1;
  const cellOf = (field: F): RawCell => {
    const col = src.columnOf.get(field);
    return col === undefined ? null : src.grid.at(rowIndex, col, 'columnMerges');
  };
  const report = (
    field: F | null,
    code: ProblemCode,
    detail: string,
    severity: 'error' | 'warning' = 'error',
  ) => {
    const col = field === null ? undefined : src.columnOf.get(field);
    const header =
      field === null
        ? null
        : col !== undefined && src.headers[col]
          ? src.headers[col]
          : src.headerOf(field);
    problems.push(problem(src.place, { row, col: col ?? null, header }, code, detail, severity));
  };
  const read = <T>(field: F, r: CellRead<T>): T | undefined => {
    if (r.ok) return r.value;
    report(field, r.issue.kind, describeCellIssue(r.issue));
    return undefined;
  };
  return {
    row,
    problems,
    has: (field) => src.columnOf.has(field),
    text(field, maxLength = MAX_TEXT) {
      const value = read(field, readText(cellOf(field)));
      if (value !== undefined && value.length > maxLength) {
        report(
          field,
          'tooLong',
          `nội dung dài ${value.length} ký tự, quá giới hạn ${maxLength} ký tự. Có thể cột này chọn nhầm.`,
        );
        return undefined;
      }
      return value;
    },
    centipoints: (field) => read(field, readCentipoints(cellOf(field))),
    integer: (field) => read(field, readInteger(cellOf(field))),
    report,
    get hasErrors() {
      return problems.some((p) => p.severity === 'error');
    },
  };
}

/** True when every mapped cell of the row is empty as typed (values filled in from a merge above don't count). */
export function isBlankRow(src: RowSource, rowIndex: number): boolean {
  for (const col of src.columnOf.values()) if (!isBlank(src.grid.raw(rowIndex, col))) return false;
  return true;
}
