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
