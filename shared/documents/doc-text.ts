/**
 * Small text rules shared by the document builders: clean NFC text within the schema's limits,
 * prize phrases, Excel-safe sheet names and the print rounding of exact results. Pure. Not the
 * formula-injection guard (that belongs to the spreadsheet writer, electron/main/exports).
 */
import { formatPoints } from '../scoring/format';
import type { Fraction } from '../scoring/fraction';

/** NFC (imports may carry decomposed tones), single spaces, cut to `max` with an ellipsis. */
export function cleanText(s: string, max: number): string {
  const t = s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** "Nhất" → "giải Nhất"; "Giải xuất sắc" → "giải xuất sắc": tier names are free text. */
export function prizePhrase(tier: string): string {
  return `giải ${cleanText(tier, 100).replace(/^giải\s+/i, '')}`;
}

/** At most `max` characters, cut at a space when one is near the end (tab names read better whole-word). */
function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return s[max] !== ' ' && space >= max * 0.6 ? cut.slice(0, space) : cut;
}

const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;

/** Excel's sheet-name rules: ≤ 31 chars, none of []:*?/\, no edge apostrophe, unique ignoring case. */
export function sanitizeSheetName(name: string, taken: ReadonlySet<string>): string {
  let base = cleanText(name.replace(SHEET_FORBIDDEN, ' '), 200)
    .replace(/^'+|'+$/g, '')
    .trim();
  if (!base || base.toLowerCase() === 'history') base = 'Bảng điểm';
  for (let k = 1; ; k++) {
    const suffix = k === 1 ? '' : ` (${k})`;
    const candidate = `${cutAtWord(base, 31 - suffix.length)
      .replace(/'+$/, '')
      .trimEnd()}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Centipoints → points rounded half-up to 2 decimals, as a number a spreadsheet can sum. Rounded from
 * the exact fraction by formatPoints (1,005 → 1,01, where the float 1.005 would give 1,00).
 */
export function printedPoints(cp: Fraction | number | null): number | null {
  return cp === null ? null : Number(formatPoints(cp, 2).replace(',', '.'));
}
