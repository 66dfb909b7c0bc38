import { describe, expect, it } from 'vitest';
import { findOutliers } from '@shared/scoring/outliers';
import { hashPin, pinMatches, pinProblem } from '@shared/scoring/judge-pin';

const row = (id: string, totalCp: number, panelCp: number[] = []) => ({
  entrantId: id,
  entrantName: `Đội ${id}`,
  totalCp,
  panelCp,
});

describe('outlier prompts before a judge submits', () => {
  it('a typo far from the judge’s own average is prompted (85 typed for 8,5 inflates one total)', () => {
    const out = findOutliers(
      [row('a', 8000), row('b', 8200), row('c', 7900), row('d', 15650)],
      10000,
    );
    expect(out.map((o) => o.entrantId)).toEqual(['d']);
    expect(out[0].message).toContain('của chính giám khảo');
  });

  it('a total far from the other judges’ average for that entrant is prompted', () => {
    const out = findOutliers([row('a', 5000, [8000, 8300]), row('b', 8100, [8000, 8200])], 10000);
    expect(out.map((o) => o.entrantId)).toEqual(['a']);
    expect(out[0].message).toContain('các giám khảo khác');
  });

  it.each([
    [
      'within 20 % of the maximum: no prompt',
      [row('a', 8000, [7000]), row('b', 7500), row('c', 8500)],
      0,
    ],
    [
      'fewer than three entrants: the own-average check is off',
      [row('a', 2000), row('b', 9000)],
      0,
    ],
    ['an empty sheet: nothing to prompt', [], 0],
  ])('%s', (_rule, rows, n) => {
    expect(findOutliers(rows, 10000)).toHaveLength(n);
  });

  it('the share is configurable', () => {
    expect(findOutliers([row('a', 8000, [7000])], 10000, 0.05)).toHaveLength(1);
  });
});

describe('judge PINs', () => {
  it('are stored salted by judge, never in clear, and checked exactly', () => {
    const h = hashPin('j1', '2468');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain('2468');
    expect(hashPin('j2', '2468')).not.toBe(h);
    expect(pinMatches({ id: 'j1', pinHash: h }, '2468')).toBe(true);
    expect(pinMatches({ id: 'j1', pinHash: h }, '2469')).toBe(false);
    expect(pinMatches({ id: 'j1' }, '')).toBe(true); // no PIN set
  });

  it.each([
    ['1234', null],
    ['12345678', null],
    ['123', 'Mã PIN gồm 4 đến 8 chữ số.'],
    ['12a4', 'Mã PIN gồm 4 đến 8 chữ số.'],
    ['123456789', 'Mã PIN gồm 4 đến 8 chữ số.'],
  ])('“%s” → %s', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });
});
