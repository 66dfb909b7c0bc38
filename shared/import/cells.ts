/**
 * Reading one raw cell as the importer needs it: as text, as exact centipoints, or as a whole
 * number, each with the reason it could not be read. Also column letters and merged ranges.
 * Not here: which column means what (mapping.ts) or what a row must contain (row-parsers.ts).
 */
import type { RawCell, RawFormula } from './types';
import { parseCentipoints } from '../scoring/score-value';

export type CellIssue =
  | { readonly kind: 'notNumber'; readonly text: string }
  | { readonly kind: 'dateInNumber'; readonly date: string }
  | { readonly kind: 'formulaNoResult'; readonly formula: string; readonly error?: string }
  | { readonly kind: 'tooPrecise'; readonly text: string }
  | { readonly kind: 'notInteger'; readonly text: string };

export type CellRead<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: CellIssue };

export const isFormula = (c: RawCell): c is RawFormula =>
  typeof c === 'object' && c !== null && 'formula' in c;
export const isDate = (c: RawCell): c is { readonly date: string } =>
  typeof c === 'object' && c !== null && 'date' in c;

/** 0 → "A", 25 → "Z", 26 → "AA": the letters Excel shows above a column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B3" → {row: 2, col: 1} (0-based); null when it is not a cell address. */
function parseAddress(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(a.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export interface MergedRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "A1:C2" → 0-based inclusive bounds; malformed ranges are dropped (they only help, never decide). */
export function parseMerges(ranges: readonly string[]): MergedRange[] {
  const out: MergedRange[] = [];
  for (const r of ranges) {
    const [a, b] = r.split(':');
    const p = parseAddress(a ?? '');
    const q = parseAddress(b ?? a ?? '');
    if (!p || !q) continue;
    out.push({
      top: Math.min(p.row, q.row),
      left: Math.min(p.col, q.col),
      bottom: Math.max(p.row, q.row),
      right: Math.max(p.col, q.col),
    });
  }
  return out;
}

/** Exporters put "'" before text starting with = + - @ (formula injection guard); undo it on the way back. */
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;

/** The text a person sees in the cell, trimmed and NFC; '' for empty. Formulas give their cached result. */
export function cellText(c: RawCell): string {
  if (c === null) return '';
  if (typeof c === 'string') return c.normalize('NFC').trim().replace(ESCAPED_FORMULA, '');
  if (typeof c === 'number')
    return Number.isInteger(c) ? String(c) : String(Number(c.toPrecision(15)));
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  if (isDate(c)) return displayDate(c.date);
  return c.result === null ? '' : cellText(c.result);
}

export const isBlank = (c: RawCell | undefined): boolean => c === undefined || cellText(c) === '';

/** "2024-05-08T00:00:00.000Z" → "08/05/2024", as Vietnamese write dates. */
export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Text of a cell for a text field; a formula with no cached value is an issue, not an empty value. */
export function readText(c: RawCell): CellRead<string> {
  if (isFormula(c) && c.result === null)
    return { ok: false, issue: { kind: 'formulaNoResult', formula: c.formula, error: c.error } };
  return { ok: true, value: cellText(c) };
}

/**
 * Exact centipoints from a cell: numbers, and text like "8,5" or "8.5". Dates are refused with
 * their own reason because Excel silently turns "8.5" typed in a date-formatted column into 8 May.
 */
export function readCentipoints(c: RawCell): CellRead<number | null> {
  if (isFormula(c)) {
    if (c.result === null)
      return { ok: false, issue: { kind: 'formulaNoResult', formula: c.formula, error: c.error } };
    return readCentipoints(c.result);
  }
  if (isDate(c)) return { ok: false, issue: { kind: 'dateInNumber', date: displayDate(c.date) } };
  if (typeof c === 'number') {
    const cp = Math.round(c * 100);
    // Floats like 8.1 are 810.0000000001 centipoints; more than that is a real third decimal.
    if (!Number.isFinite(c) || Math.abs(c * 100 - cp) > 1e-6)
      return { ok: false, issue: { kind: 'tooPrecise', text: cellText(c) } };
    return { ok: true, value: cp };
  }
  const text = cellText(c);
  if (text === '') return { ok: true, value: null };
  const cp = parseCentipoints(text);
  if (cp === 'fraction') return { ok: false, issue: { kind: 'tooPrecise', text } };
  if (cp === null) return { ok: false, issue: { kind: 'notNumber', text } };
  return { ok: true, value: cp };
}

/** A whole number (weights, order); "2,0" is fine, "1,5" is not. */
export function readInteger(c: RawCell): CellRead<number | null> {
  const r = readCentipoints(c);
  if (!r.ok)
    return r.issue.kind === 'tooPrecise'
      ? { ok: false, issue: { kind: 'notInteger', text: r.issue.text } }
      : r;
  if (r.value === null) return r;
  if (r.value % 100 !== 0) return { ok: false, issue: { kind: 'notInteger', text: cellText(c) } };
  return { ok: true, value: r.value / 100 };
}

/** Split a list cell ("A; B" or one per line inside the cell) into trimmed, non-empty items. */
export function splitList(text: string): string[] {
  return text
    .split(/[;\n\r]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
