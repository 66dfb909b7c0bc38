/** The prize ladder, khối ladders and pass marks as the text the setup forms show and read back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PrizeTier } from '@shared/model/types';
import {
  formatGroupLadders,
  formatLadder,
  parseGroupLadders,
  parseLadder,
} from '@shared/prizes/ladder-text';
import { formatPassMarks, parsePassMarks } from '@shared/setup/pass-mark-text';
import { foldVietnamese } from '@shared/text/vietnamese';
import { aLadder, aName } from './setup-arbitraries';

const tiersOf = (text: string) => {
  const r = parseLadder(text);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.tiers;
};
const problemsOf = (r: { ok: true } | { ok: false; problems: readonly string[] }) =>
  r.ok ? [] : r.problems;

describe('prize ladder text', () => {
  it('a tier for everyone left is written “còn lại” and read back without a count (was “Giải Khuyến khích: 0”)', () => {
    const ladder: PrizeTier[] = [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Khuyến khích' }];
    expect(formatLadder(ladder)).toBe('Giải Nhất: 1\nGiải Khuyến khích: còn lại');
    expect(parseLadder(formatLadder(ladder))).toStrictEqual({ ok: true, tiers: ladder });
  });

  it.each([
    ['a count', 'Giải Nhất: 1', { name: 'Giải Nhất', count: 1 }],
    ['zero is a count, not “everyone left”', 'Giải Ba: 0', { name: 'Giải Ba', count: 0 }],
    ['a threshold with ≥', 'Công nhận: ≥ 80', { name: 'Công nhận', thresholdCp: 8000 }],
    [
      'a threshold with >= and a comma decimal',
      'Tiêu biểu: >= 92,5',
      { name: 'Tiêu biểu', thresholdCp: 9250 },
    ],
    [
      'a threshold with a count',
      'Tiêu biểu: ≥ 92,5, tối đa 10',
      { name: 'Tiêu biểu', count: 10, thresholdCp: 9250 },
    ],
    ['everyone left: “còn lại”', 'Giải Khuyến khích: còn lại', { name: 'Giải Khuyến khích' }],
    [
      'everyone left: “các đội còn lại”',
      'Giải Khuyến khích: các đội còn lại',
      { name: 'Giải Khuyến khích' },
    ],
    [
      'everyone left: “tất cả còn lại”',
      'Giải Khuyến khích: tất cả còn lại',
      { name: 'Giải Khuyến khích' },
    ],
    [
      'everyone left: “các mô hình còn lại”',
      'Khen thưởng: các mô hình còn lại',
      { name: 'Khen thưởng' },
    ],
    [
      'everyone left, typed without tones',
      'Giải Khuyến khích: Con lai',
      { name: 'Giải Khuyến khích' },
    ],
    [
      'a name may contain a colon: the last one separates',
      'Giải: Phong cách: 2',
      { name: 'Giải: Phong cách', count: 2 },
    ],
  ])('reads %s', (_rule, line, tier) => {
    expect(tiersOf(line)).toStrictEqual([tier]);
  });

  it.each([
    ['no colon', 'Giải Nhì hai', /Dòng 1/],
    ['a count that is not a whole number', 'Giải Nhì: 1,5', /số nguyên/],
    ['a negative count', 'Giải Nhì: -1', /số nguyên/],
    ['a threshold finer than 0,01', 'Công nhận: ≥ 80,125', /2 chữ số thập phân/],
    ['a missing name', ': 3', /thiếu tên giải/],
    ['an unknown value', 'Giải Nhì: hai', /không phải số lượng/],
    ['two tiers with one name', 'Giải Nhất: 1\nGiải Nhất: 2', /Dòng 2: giải “Giải Nhất” đã có/],
    [
      '“còn lại” before another tier',
      'Giải Khuyến khích: còn lại\nGiải Ba: 1',
      /Dòng 1: giải “còn lại” phải là giải cuối cùng/,
    ],
  ])('refuses %s', (_rule, text, message) => {
    expect(problemsOf(parseLadder(text)).join('\n')).toMatch(message);
  });

  it('lists every bad line at once, each with its number', () => {
    expect(
      problemsOf(parseLadder('Giải Nhất: 1\nGiải Nhì hai\n\nGiải Ba: x\nCông nhận: ≥ 1,001')),
    ).toEqual([
      expect.stringContaining('Dòng 2'),
      expect.stringContaining('Dòng 4'),
      expect.stringContaining('Dòng 5'),
    ]);
  });

  it('parseLadder ∘ formatLadder is the identity on every ladder', () => {
    fc.assert(
      fc.property(aLadder, (ladder) => {
        expect(parseLadder(formatLadder(ladder))).toStrictEqual({ ok: true, tiers: ladder });
      }),
      { numRuns: 500 },
    );
  });

  it('formatLadder ∘ parseLadder is the identity on every text the form shows', () => {
    fc.assert(
      fc.property(aLadder, (ladder) => {
        const text = formatLadder(ladder);
        expect(formatLadder(tiersOf(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ladders per khối as text', () => {
  it('reads “[Khối]” blocks and writes them back the same way', () => {
    const text = '[Quận, huyện]\nGiải Nhất: 1\nGiải Nhì: còn lại\n[Sở, ngành]\nGiải Nhất: 1';
    const r = parseGroupLadders(text);
    expect(r).toStrictEqual({
      ok: true,
      ladders: [
        { group: 'Quận, huyện', prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì' }] },
        { group: 'Sở, ngành', prizes: [{ name: 'Giải Nhất', count: 1 }] },
      ],
    });
    if (r.ok) expect(formatGroupLadders(r.ladders)).toBe(text);
  });

  it.each([
    ['a tier before any khối', 'Giải Nhất: 1\n[Khối A]', /Dòng 1 .*cần dòng “\[Tên khối\]”/],
    ['a khối without a name', '[ ]\nGiải Nhất: 1', /thiếu tên khối/],
    ['a khối twice', '[Khối A]\n[Khối A]', /khối “Khối A” đã có/],
    [
      'a bad tier line, named with its khối and line',
      '[Khối A]\nGiải Nhất: 1\nGiải Nhì hai',
      /Khối “Khối A”, dòng 3/,
    ],
  ])('refuses %s', (_rule, text, message) => {
    expect(problemsOf(parseGroupLadders(text)).join('\n')).toMatch(message);
  });

  it('parse ∘ format is the identity on every list of khối ladders', () => {
    const groups = fc
      .uniqueArray(aName(), { maxLength: 4 })
      .chain((names) =>
        fc.tuple(...names.map((group) => aLadder.map((prizes) => ({ group, prizes })))),
      )
      .map((x) => [...x]);
    fc.assert(
      fc.property(groups, (ladders) => {
        expect(parseGroupLadders(formatGroupLadders(ladders))).toStrictEqual({ ok: true, ladders });
      }),
      { numRuns: 300 },
    );
  });
});

describe('pass marks as text', () => {
  it('reads “value: points” lines, the value being everything before the last colon', () => {
    expect(parsePassMarks('đô thị: 90\nmiền núi, hải đảo: 60,5\n\nvùng: sâu: 55')).toStrictEqual({
      ok: true,
      marks: [
        { value: 'đô thị', cp: 9000 },
        { value: 'miền núi, hải đảo', cp: 6050 },
        { value: 'vùng: sâu', cp: 5500 },
      ],
    });
  });

  it.each([
    ['a line without points', 'đô thị', /dòng 1/],
    ['points finer than 0,01', 'đô thị: 90,125', /dòng 1/],
    [
      'two values that match the same entrants (tones and case ignored)',
      'Đô thị: 90\ndo thi: 80',
      /dòng 2: “do thi” trùng với dòng 1/,
    ],
  ])('refuses %s', (_rule, text, message) => {
    expect(problemsOf(parsePassMarks(text)).join('\n')).toMatch(message);
  });

  it('parse ∘ format is the identity on every list of marks', () => {
    const marks = fc
      .uniqueArray(aName(), { maxLength: 5, selector: foldVietnamese })
      .chain((values) =>
        fc.tuple(...values.map((value) => fc.nat(99_999_999).map((cp) => ({ value, cp })))),
      )
      .map((x) => [...x]);
    fc.assert(
      fc.property(marks, (ms) => {
        expect(parsePassMarks(formatPassMarks(ms))).toStrictEqual({ ok: true, marks: ms });
      }),
      { numRuns: 300 },
    );
  });
});
