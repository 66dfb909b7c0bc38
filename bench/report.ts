/**
 * The bench's tables: each app figure beside its floor (measured in the same run, in the same
 * browser or on the same disk), the ratio, the issue's goal and whether it is met; and a smaller
 * table of Node micro-benchmarks that explain a figure. Also the README block between the bench
 * markers, replaced in place (only that block; the rest of README.md is read fresh and kept).
 */
import { readFileSync, writeFileSync } from 'node:fs';

export interface Row {
  readonly figure: string;
  /** null: not measured (see `missing`). */
  readonly value: number | null;
  readonly unit: 'ms' | 'MB' | 'KB' | 'B' | '';
  readonly floor?: number | null;
  /** What the floor is (shown after its value). */
  readonly floorName?: string;
  readonly goal?: string;
  /** Evaluates the goal; returns a short reason when not met, or true when met. */
  readonly met?: () => true | string;
  readonly longTask?: number | null;
  readonly missing?: string;
}

const num = (v: number): string =>
  v >= 1000
    ? Math.round(v).toLocaleString('en')
    : v >= 100
      ? v.toFixed(0)
      : v >= 10
        ? v.toFixed(1)
        : v >= 1
          ? v.toFixed(2)
          : v.toFixed(3);
export const fmt = (v: number, unit: string): string => `${num(v)}${unit ? ` ${unit}` : ''}`;
const ratioOf = (v: number, f: number): string => {
  const r = v / f;
  return `${r >= 100 ? Math.round(r).toLocaleString('en') : r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
};

function mark(r: Row): string {
  if (r.value === null) return `not measured: ${r.missing ?? 'no value'}`;
  if (!r.met) return '—';
  const m = r.met();
  return m === true ? 'met' : `**NOT met** (${m})`;
}

export function mainTable(rows: readonly Row[]): string {
  return [
    '| figure | value | floor (same run) | ratio | goal | longest main-thread task | goal met? |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const value = r.value === null ? '—' : fmt(r.value, r.unit);
      const floor =
        r.floor !== undefined && r.floor !== null
          ? `${fmt(r.floor, r.unit)} (${r.floorName})`
          : r.floorName
            ? `— (${r.floorName})`
            : '—';
      const ratio = r.value !== null && r.floor ? ratioOf(r.value, r.floor) : '—';
      const lt =
        r.longTask === undefined
          ? ''
          : r.longTask === null
            ? 'n/a'
            : `${Math.round(r.longTask)} ms`;
      return `| ${r.figure} | ${value} | ${floor} | ${ratio} | ${r.goal ?? ''} | ${lt} | ${mark(r)} |`;
    }),
  ].join('\n');
}

export function microTable(rows: readonly Row[]): string {
  return [
    '| Node micro-benchmark (explains) | value | floor | ratio |',
    '|---|---|---|---|',
    ...rows.map((r) => {
      const value = r.value === null ? `— (${r.missing ?? ''})` : fmt(r.value, r.unit);
      const floor =
        r.floor !== undefined && r.floor !== null
          ? `${fmt(r.floor, r.unit)} (${r.floorName})`
          : '—';
      const ratio = r.value !== null && r.floor ? ratioOf(r.value, r.floor) : '—';
      return `| ${r.figure} | ${value} | ${floor} | ${ratio} |`;
    }),
  ].join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Replace what is between the markers in `file` with `block`; false when the markers are missing. */
export function replaceReadmeBlock(file: string, block: string): boolean {
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END, a + START.length);
  if (
    a < 0 ||
    b < 0 ||
    (text.indexOf(START, a + START.length) >= 0 && text.indexOf(START, a + START.length) < b)
  )
    return false;
  const next = `${text.slice(0, a + START.length)}\n${block.trim()}\n${text.slice(b)}`;
  if (next !== text) writeFileSync(file, next);
  return true;
}
