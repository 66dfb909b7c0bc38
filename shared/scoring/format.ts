/**
 * Vietnamese number display: comma as decimal mark, half-up rounding. Used for screens and prints;
 * never for storage.
 */
import type { Fraction } from './fraction';

/** Round a fraction of centipoints to `decimals` places of points, half-up (away from zero at .5). */
export function formatPoints(value: Fraction | number, decimals = 2): string {
  const f = typeof value === 'number' ? { n: value, d: 1 } : value;
  // value is in centipoints; scale to 10^decimals units of a point.
  const scale = 10 ** decimals;
  const num = f.n * scale;
  const den = f.d * 100;
  const neg = num < 0;
  const abs = Math.abs(num);
  const q = Math.floor(abs / den);
  const r = abs - q * den;
  const rounded = 2 * r >= den ? q + 1 : q;
  const int = Math.floor(rounded / scale);
  const dec = rounded - int * scale;
  const text = decimals > 0 ? `${int},${String(dec).padStart(decimals, '0')}` : String(int);
  return neg && rounded !== 0 ? `-${text}` : text;
}

/** Shortest exact display of integer centipoints: 850 → "8,5", 1000 → "10", 825 → "8,25". */
export function formatCp(cp: number): string {
  const neg = cp < 0;
  const abs = Math.abs(cp);
  const int = Math.floor(abs / 100);
  const dec = abs % 100;
  const text = dec === 0 ? String(int) : `${int},${String(dec).padStart(2, '0').replace(/0$/, '')}`;
  return neg ? `-${text}` : text;
}
