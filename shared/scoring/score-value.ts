/**
 * Turning what a person typed into an exact score, or a reason it was refused. Accepts `8,5` and
 * `8.5`; refuses text, values outside 0…max, and values off the criterion's step. The result is an
 * integer count of steps, so storage and sums stay exact.
 */
import type { Criterion } from '../model/types';
import { formatCp } from './format';

export type ParsedScore =
  | { readonly ok: true; readonly steps: number | null }
  | {
      readonly ok: false;
      readonly code: 'notNumber' | 'outOfRange' | 'offStep';
      readonly message: string;
    };

const NUMBER = /^\s*(\d{1,6})(?:[.,](\d{1,6}))?\s*$/;

/** Parse typed text to centipoints, or null if it is not a plain non-negative decimal. */
export function parseCentipoints(text: string): number | null | 'fraction' {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const int = Number(m[1]);
  const dec = (m[2] ?? '').replace(/0+$/, '');
  if (dec.length > 2) return 'fraction';
  return int * 100 + Number(dec.padEnd(2, '0'));
}

export function parseScore(
  text: string,
  criterion: Pick<Criterion, 'maxCp' | 'stepCp'>,
): ParsedScore {
  if (text.trim() === '') return { ok: true, steps: null };
  const cp = parseCentipoints(text);
  const max = formatCp(criterion.maxCp);
  const step = formatCp(criterion.stepCp);
  if (cp === null) {
    return {
      ok: false,
      code: 'notNumber',
      message: `“${text.trim()}” không phải là số. Nhập điểm từ 0 đến ${max}, ví dụ 8,5.`,
    };
  }
  if (cp === 'fraction' || cp % criterion.stepCp !== 0) {
    if (cp !== 'fraction' && cp > criterion.maxCp) {
      return {
        ok: false,
        code: 'outOfRange',
        message: `Điểm ${text.trim()} vượt quá điểm tối đa ${max}.`,
      };
    }
    return {
      ok: false,
      code: 'offStep',
      message: `Điểm phải chia hết cho bước ${step} (ví dụ ${formatCp(criterion.stepCp * 3)}).`,
    };
  }
  if (cp > criterion.maxCp) {
    return {
      ok: false,
      code: 'outOfRange',
      message: `Điểm ${text.trim()} vượt quá điểm tối đa ${max}.`,
    };
  }
  return { ok: true, steps: cp / criterion.stepCp };
}

export const stepsToCp = (steps: number, criterion: Pick<Criterion, 'stepCp'>): number =>
  steps * criterion.stepCp;
