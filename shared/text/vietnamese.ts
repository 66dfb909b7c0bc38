/**
 * Vietnamese text helpers for search and sorting: a diacritics-insensitive fold ("Dân vận" and
 * "dan van" match) and the Vietnamese collation order for lists.
 */

/** Lowercase, strip tone and vowel marks (đ → d), collapse spaces: for matching, never for display. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Vietnamese alphabetical order (a ă â b c d đ e ê …), numbers compared as numbers. */
export const viCollator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/**
 * Vietnamese order as a total order: the collator first, then code units, so texts the collator
 * calls equal ("Khối A", "khối A") still sort the same way on every machine instead of keeping
 * whatever order they arrived in. Use this, never `localeCompare` without a locale, for any order
 * that can reach a printout.
 */
export function compareVietnamese(a: string, b: string): number {
  return viCollator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
