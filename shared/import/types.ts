/**
 * What the main side hands the renderer after reading a spreadsheet file: raw cell values per
 * sheet, nothing interpreted yet. Mapping columns and validating rows happen in shared/import.
 */
export type RawCell = string | number | boolean | null | { readonly date: string } | RawFormula;

/**
 * A formula cell: the formula text (without "=") and the value Excel cached when it last saved the
 * file. `result` is null when there is no cached value (a file written by a tool that does not
 * calculate) or when the formula evaluated to an error, which `error` then names (e.g. "#DIV/0!").
 * Boolean results arrive as "TRUE"/"FALSE" and date results as ISO text.
 */
export interface RawFormula {
  readonly formula: string;
  readonly result: string | number | null;
  readonly error?: string;
}

export interface RawSheet {
  readonly name: string;
  /** Rows as read, first row included; merged cells repeat their value only in the top-left cell. */
  readonly rows: readonly (readonly RawCell[])[];
  /** Ranges like "A1:C1" that were merged in the file. */
  readonly merges: readonly string[];
}

export interface RawWorkbook {
  readonly fileName: string;
  readonly format: 'xlsx' | 'csv';
  /** For CSV: the encoding and separator detected. */
  readonly detected?: { readonly encoding: string; readonly separator: string };
  readonly sheets: readonly RawSheet[];
}
