import { describe, expect, it } from 'vitest';
import { parseScore, parseCentipoints } from '@shared/scoring/score-value';
import { formatCp, formatPoints } from '@shared/scoring/format';
import { frac } from '@shared/scoring/fraction';

const tenByHalf = { maxCp: 1000, stepCp: 50 };
const fiveByQuarter = { maxCp: 500, stepCp: 25 };

describe('typed scores are accepted with a comma or a dot and stored as integer steps', () => {
  it.each([
    ['8,5', tenByHalf, 17],
    ['8.5', tenByHalf, 17],
    [' 10 ', tenByHalf, 20],
    ['0', tenByHalf, 0],
    ['4,75', fiveByQuarter, 19],
    ['4,50', fiveByQuarter, 18],
    ['', tenByHalf, null],
  ])('“%s” → %s steps', (text, c, steps) => {
    expect(parseScore(text, c)).toEqual({ ok: true, steps });
  });
});

describe('bad scores are refused with a Vietnamese reason', () => {
  it.each([
    ['85', tenByHalf, 'outOfRange', 'vượt quá điểm tối đa 10'],
    ['10,5', tenByHalf, 'outOfRange', 'vượt quá'],
    ['8,3', tenByHalf, 'offStep', 'bước 0,5'],
    ['8,333', tenByHalf, 'offStep', 'bước'],
    ['abc', tenByHalf, 'notNumber', 'không phải là số'],
    ['-1', tenByHalf, 'notNumber', 'không phải là số'],
    ['8,5,1', tenByHalf, 'notNumber', 'không phải là số'],
    ['4,6', fiveByQuarter, 'offStep', 'bước 0,25'],
  ])('“%s” is refused as %s', (text, c, code, fragment) => {
    const r = parseScore(text, c);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toContain(fragment);
    }
  });
});

describe('display rounds half-up at two decimals and uses the comma', () => {
  it.each([
    [frac(8125, 1000), '0,08'],
    [frac(8125, 1), '81,25'],
    [frac(2500, 3), '8,33'],
    [frac(2501, 3), '8,34'],
    [frac(1625, 2), '8,13'], // 8,125 rounds up
    [frac(1624, 2), '8,12'],
    [frac(-50, 1), '-0,50'],
  ])('%o cp → %s', (f, text) => expect(formatPoints(f)).toBe(text));

  it.each([
    [850, '8,5'],
    [1000, '10'],
    [825, '8,25'],
    [5, '0,05'],
    [-50, '-0,5'],
  ])('formatCp(%i) = %s', (cp, text) => expect(formatCp(cp)).toBe(text));

  it('parseCentipoints reads at most two decimals exactly', () => {
    expect(parseCentipoints('12,34')).toBe(1234);
    expect(parseCentipoints('12,345')).toBe('fraction');
    expect(parseCentipoints('x')).toBeNull();
  });
});
