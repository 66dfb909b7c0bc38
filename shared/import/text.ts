/**
 * Text keys the importer compares by: header keys ("Tên mô hình (*)" → "ten mo hinh"), match
 * keys for names, units and codes, and the stable code derived from name + unit when a file has
 * no code column. Built on the app's Vietnamese fold, which this module re-exports so that the
 * renderer's search and the importer agree on what "the same text" means.
 * Not here: display formatting or sorting rules beyond re-exporting the collator.
 */
import { foldVietnamese, viCollator } from '../text/vietnamese';

export { foldVietnamese, viCollator };

/** Fold, then treat punctuation as space: headers come with "(*)", ":", "/", quotes and numbering. */
export function headerKey(s: string): string {
  return foldVietnamese(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Key for matching names, units, clusters and codes: case, tones, spaces and punctuation don't count. */
export const matchKey = headerKey;

/**
 * 53-bit string hash (cyrb53): pure, fast, stable across runs and platforms. Not for security;
 * only so that the same name + unit always yields the same code.
 */
function cyrb53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Codes the app made up start with "#", so people can tell them from codes they typed. */
export const DERIVED_CODE_PREFIX = '#';

/**
 * Stable code from normalised parts (e.g. name and unit): re-importing the same list, even with
 * different case, tones typed differently or extra spaces, gives the same codes, so rows update
 * instead of duplicating.
 */
export function derivedCode(...parts: readonly string[]): string {
  // A part that is only punctuation ("–", "…") folds to nothing; keep it as typed so it still counts.
  const key = parts.map((p) => matchKey(p) || p.trim()).join('|');
  return DERIVED_CODE_PREFIX + cyrb53(key).toString(36).padStart(11, '0');
}
