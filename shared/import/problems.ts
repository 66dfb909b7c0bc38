/**
 * What can be wrong with an imported list, as values: each problem names the file, sheet, row
 * (1-based, as Excel shows it), column letter and header, has a stable code for tests and the UI,
 * and a Vietnamese message saying what was found and what was expected.
 * Not here: deciding that something is wrong (row-parsers.ts, preview.ts).
 */
import type { CellIssue } from './cells';
import { columnLetter } from './cells';

export type ProblemCode =
  | 'noHeader'
  | 'missingColumn'
  | 'noRows'
  | 'required'
  | 'duplicateCode'
  | 'unknownCluster'
  | 'notNumber'
  | 'dateInNumber'
  | 'formulaNoResult'
  | 'tooPrecise'
  | 'notInteger'
  | 'outOfRange'
  | 'offStep'
  | 'badValue'
  | 'tooLong'
  | 'partSumMismatch'
  /** The closing line when more problems were found than are listed. */
  | 'truncated';

export interface ImportProblem {
  /** Errors keep the row out of the import; warnings are shown but the row still imports. */
  readonly severity: 'error' | 'warning';
  readonly code: ProblemCode;
  /** 1-based row as in the file; null for problems with the whole sheet. */
  readonly row: number | null;
  /** Column letter ("D"); null when no column is concerned or the column is missing. */
  readonly column: string | null;
  readonly header: string | null;
  readonly message: string;
}

/** Where a problem is, for building messages. */
export interface Place {
  readonly fileName: string;
  /** Null for CSV files, which have no sheets to name. */
  readonly sheetName: string | null;
}

export interface CellRef {
  readonly row: number | null;
  readonly col: number | null;
  readonly header: string | null;
}

export function where(place: Place, at: CellRef): string {
  const parts = [`Tệp “${place.fileName}”`];
  if (place.sheetName !== null) parts.push(`trang “${place.sheetName}”`);
  if (at.row !== null) parts.push(`dòng ${at.row}`);
  if (at.col !== null)
    parts.push(`cột ${columnLetter(at.col)}${at.header ? ` (${at.header})` : ''}`);
  else if (at.header) parts.push(`cột “${at.header}”`);
  return parts.join(', ');
}

export function problem(
  place: Place,
  at: CellRef,
  code: ProblemCode,
  detail: string,
  severity: 'error' | 'warning' = 'error',
): ImportProblem {
  return {
    severity,
    code,
    row: at.row,
    column: at.col === null ? null : columnLetter(at.col),
    header: at.header,
    message: `${where(place, at)}: ${detail}`,
  };
}

/** Why a cell could not be read, in words a secretary can act on. */
export function describeCellIssue(issue: CellIssue): string {
  switch (issue.kind) {
    case 'notNumber':
      return `“${issue.text}” không phải là số. Cần một số như 8,5 hoặc 8.5.`;
    case 'dateInNumber':
      return `ô chứa ngày ${issue.date}, không phải số. Có thể Excel đã tự đổi số như “8.5” thành ngày; hãy định dạng cột là Số (Number) rồi gõ lại giá trị.`;
    case 'formulaNoResult':
      return (
        `ô có công thức “=${issue.formula}” nhưng không có giá trị đã tính${issue.error ? ` (công thức báo lỗi ${issue.error})` : ''}. ` +
        'Hãy mở tệp bằng Excel, sửa hoặc tính lại công thức rồi lưu, hoặc dán giá trị thay cho công thức.'
      );
    case 'tooPrecise':
      return `${issue.text} có quá 2 chữ số thập phân. Cần số có tối đa 2 chữ số sau dấu phẩy, ví dụ 8,25.`;
    case 'notInteger':
      return `“${issue.text}” không phải số nguyên. Cần một số nguyên như 1, 2, 3.`;
    default: {
      const never: never = issue;
      return String(never);
    }
  }
}
