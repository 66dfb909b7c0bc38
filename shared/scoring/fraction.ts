/**
 * Exact non-negative-denominator fractions over safe integers. Means of integer centipoints stay
 * exact until display; rounding happens only in formatting (half-up, see format.ts).
 */
export interface Fraction {
  readonly n: number;
  readonly d: number;
}

const gcd = (a: number, b: number): number => {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1;
};

export function frac(n: number, d = 1): Fraction {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || d === 0) {
    throw new RangeError(`invalid fraction ${n}/${d}`);
  }
  const sign = d < 0 ? -1 : 1;
  const g = gcd(n, d);
  return { n: (sign * n) / g, d: (sign * d) / g };
}

export const add = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Fraction, b: Fraction): Fraction => frac(a.n * b.d - b.n * a.d, a.d * b.d);
export const mulInt = (a: Fraction, k: number): Fraction => frac(a.n * k, a.d);
export const divInt = (a: Fraction, k: number): Fraction => frac(a.n, a.d * k);
export const compare = (a: Fraction, b: Fraction): number => a.n * b.d - b.n * a.d;
export const toNumber = (a: Fraction): number => a.n / a.d;
export const ZERO: Fraction = { n: 0, d: 1 };

export const sum = (xs: readonly Fraction[]): Fraction => xs.reduce(add, ZERO);
