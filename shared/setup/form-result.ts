/**
 * What a setup form's save gives back: the round to store, or every problem at once, each naming
 * the form field it belongs to. And the two rules that keep an unedited form from changing the
 * stored record: a field holding `undefined` is dropped, and a stored value is kept while the
 * form's value means the same (an absent field and its default are one meaning).
 */
import type { Round } from '../model/types';

export interface FormProblem {
  readonly field: string;
  readonly message: string;
}

export type RoundFormResult =
  | { readonly ok: true; readonly round: Round }
  | { readonly ok: false; readonly problems: readonly FormProblem[] };

/** A copy of `record` with `key` set, or without it when `value` is undefined (never a key holding undefined). */
export function withField<T extends object, K extends keyof T>(
  record: T,
  key: K,
  value: T[K] | undefined,
): T {
  const out: Partial<T> = { ...record };
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out as T;
}

/** The stored value (possibly absent) while the form's value means the same, otherwise the form's value. */
export const keepIfSame = <V>(stored: V | undefined, formValue: V, fallback: V): V | undefined =>
  (stored ?? fallback) === formValue ? stored : formValue;

/** Points typed in a form (comma decimals) as centipoints, or null when negative or finer than 0,01. */
export function pointsToCp(points: number): number | null {
  const cp = Math.round(points * 100);
  return Number.isFinite(points) && points >= 0 && Math.abs(points * 100 - cp) < 1e-6 ? cp : null;
}

export const isCount = (n: number, min = 0, max = Number.MAX_SAFE_INTEGER): boolean =>
  Number.isSafeInteger(n) && n >= min && n <= max;
