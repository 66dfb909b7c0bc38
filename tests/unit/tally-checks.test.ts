import { describe, expect, it } from 'vitest';
import type { Criterion, EntrantId } from '@shared/model/types';
import { aRound, entrants, judges, oneLeaf, scoreTable, tree } from '@shared/sample/builders';
import { judgeConsistency, kendallW } from '@shared/tally/consistency';
import { findDiscrepancies } from '@shared/tally/discrepancy';
import { explainEntrant } from '@shared/tally/explain';
import { sensitivity } from '@shared/tally/sensitivity';
import { judgeTotals, objectiveMap, tally, type TallyInput } from '@shared/tally/tally';

type Sheet = Record<string, Record<string, number[]>>;
const input = (
  sheet: Sheet,
  n: number,
  over: Partial<TallyInput> = {},
  criteria: Criterion[] = oneLeaf(),
): TallyInput => ({
  round: aRound(),
  criteria,
  entrants: entrants(Object.keys(sheet)),
  judges: judges(n),
  scores: scoreTable(criteria, sheet),
  ...over,
});

describe('discrepancy check', () => {
  const t = tally(
    input(
      {
        A: { j1: [9000], j2: [6900] },
        B: { j1: [9000], j2: [7000] },
        C: { j1: [9000], j2: [8900] },
      },
      2,
    ),
  );

  it('discrepancy flag at 20 % of max: a 21-point gap of 100 is flagged, exactly 20 is not', () => {
    const flags = findDiscrepancies(t.results).flags;
    expect(
      flags.map((f) => [
        f.entrantId,
        f.gapCp,
        f.thresholdCp,
        f.high.judgeId,
        f.low.judgeId,
        f.open,
      ]),
    ).toEqual([['A', 2100, 2000, 'j1', 'j2', true]]);
    expect(flags[0].message).toContain('chênh nhau 21 điểm');
  });

  it('an absolute gap replaces the percentage', () => {
    expect(
      findDiscrepancies(t.results, { gapCp: 1500 })
        .flags.map((f) => f.entrantId)
        .sort(),
    ).toEqual(['A', 'B']);
  });

  it.each([
    ['confirmed closes the flag', 'confirmed', false],
    ['rescore keeps it open until the scores change', 'rescore', true],
  ] as const)('head judge decision: %s', (_rule, decision, open) => {
    const flags = findDiscrepancies(t.results, {
      decisions: [{ entrantId: 'A' as EntrantId, decision, reason: 'Trưởng ban đã xem lại phiếu' }],
    }).flags;
    expect(flags[0]).toMatchObject({ open, decision: { decision } });
  });

  it('a decision without a reason is refused', () => {
    const r = findDiscrepancies(t.results, {
      decisions: [{ entrantId: 'A' as EntrantId, decision: 'confirmed', reason: '' }],
    });
    expect(r.issues.map((i) => i.code)).toEqual(['reasonMissing']);
    expect(r.flags[0].open).toBe(true);
  });
});

describe('judge consistency', () => {
  it.each([
    [
      "Kendall's W is 1 when two judges rank alike",
      [
        [9000, 8000, 7000],
        [8000, 7500, 7000],
      ],
      1,
    ],
    [
      "Kendall's W is 0 when two judges rank in reverse",
      [
        [9000, 8000, 7000],
        [7000, 8000, 9000],
      ],
      0,
    ],
    // Ranks A,B,C — j1: 1,2,3; j2: 1.5,1.5,3; j3: 2,1,3. R = 4.5, 4.5, 9; S = 13.5; ties Σ(t³−t) = 6.
    // W = 12·13.5 / (3²·(27−3) − 3·6) = 162 / 198.
    [
      "Kendall's W with a tie uses the tie correction (162/198)",
      [
        [9000, 8000, 7000],
        [9000, 9000, 7000],
        [8000, 9000, 7000],
      ],
      162 / 198,
    ],
  ])('%s', (_rule, table, w) => {
    expect(kendallW(table)).toBeCloseTo(w, 12);
  });

  it('a lenient judge shows a positive bias against the panel', () => {
    const c = judgeConsistency(
      tally(input({ A: { j1: [9000], j2: [8000] }, B: { j1: [8000], j2: [7000] } }, 2)),
    );
    expect(c.judges.map((j) => [j.judgeId, j.meanCp, j.panelMeanCp, j.biasCp])).toEqual([
      ['j1', 8500, 8000, 500],
      ['j2', 7500, 8000, -500],
    ]);
    expect(c.kendallW).toBe(1);
    expect(c.note).toContain('Kendall W = 1,00');
  });
});

describe('explain', () => {
  const criteria = tree([
    ['tp', 'Tiểu phẩm', [['tp1', 10000, 25]]],
    ['kt', 'Kiến thức', [['kt1', 2000, 200, { objective: true }]]],
  ]);
  const base = input(
    {
      A: { j1: [7000], j2: [8000], j3: [8500], j4: [9000], j5: [9900] },
      B: { j1: [5000], j2: [5000], j3: [5000], j4: [5000], j5: [5000] },
    },
    5,
    {
      round: aRound({
        policy: { kind: 'trimmedMean', drop: 1, minPanel: 5 },
        tieBreak: [{ kind: 'headJudgeTotal' }],
      }),
      objective: objectiveMap([
        { entrantId: 'A' as EntrantId, criterionId: 'kt1' as Criterion['id'], steps: 8 },
        { entrantId: 'B' as EntrantId, criterionId: 'kt1' as Criterion['id'], steps: 1 },
      ]),
      penalties: [{ entrantId: 'A' as EntrantId, cp: 50, reason: 'Vượt thời gian' }],
    },
    criteria,
  );

  it('walks from judge totals to rank, in Vietnamese, with display values', () => {
    const x = explainEntrant(base, tally(base), 'A' as EntrantId)!;
    expect(x.steps.map((s) => [s.kind, s.display])).toEqual([
      ['judgeTotals', 'GK1: 70; GK2: 80; GK3: 85; GK4: 90; GK5: 99'],
      ['trim', 'GK1 (70), GK5 (99)'],
      ['aggregate', '85,00'],
      ['objective', '+16'],
      ['penalty', '−0,5'],
      ['total', '100,50'], // 85 + 16 − 0,5
      ['rank', '1'],
      ['tieBreak', 'Không cần'],
    ]);
    expect(x.steps[2].label).toBe('Điểm trung bình sau khi loại');
    expect(x.steps[4].detail).toEqual(['−0,5: Vượt thời gian']);
    expect(x.judges.map((j) => j.status)).toEqual([
      'trimmed',
      'counted',
      'counted',
      'counted',
      'trimmed',
    ]);
    expect(x.judges[0].criteria).toEqual([
      expect.objectContaining({ name: 'tp1', partName: 'Tiểu phẩm', display: '70' }),
    ]);
    expect(x.parts).toEqual([
      { name: 'Tiểu phẩm', display: '85,00', maxDisplay: '100' },
      { name: 'Kiến thức', display: '16,00', maxDisplay: '20' },
    ]);
  });

  it('an unknown entrant has no explanation', () => {
    expect(explainEntrant(base, tally(base), 'Z' as EntrantId)).toBeNull();
  });
});

describe('sensitivity report', () => {
  // Mean: A 73 > B 70 > C 65. Median: B 70 > C 65 > A 60.
  const sheet = {
    A: { j1: [9900], j2: [6000], j3: [6000] },
    B: { j1: [7000], j2: [7000], j3: [7000] },
    C: { j1: [6500], j2: [6500], j3: [6500] },
  };

  it('flags that the median would change the podium, the prize and the cut', () => {
    const r = sensitivity(input(sheet, 3), {
      policies: [{ kind: 'median' }],
      prizes: { prizes: [{ name: 'Giải Nhất', count: 1 }], prizesPerCluster: false },
      cut: 1,
    });
    const median = r.alternatives[0];
    expect(median.podium).toEqual([
      ['B', 1],
      ['C', 2],
      ['A', 3],
    ]);
    expect(median).toMatchObject({ podiumChanged: true, cutChanged: true, advancing: ['B'] });
    expect(median.prizeChanges).toEqual([
      { entrantId: 'A', from: 'Giải Nhất', to: null },
      { entrantId: 'B', from: null, to: 'Giải Nhất' },
    ]);
    expect(r.robust).toBe(false);
    expect(r.summary[0]).toBe(
      'Trung vị: thay đổi nhóm 3 hạng đầu, thay đổi giải của 2 đội/mô hình, thay đổi danh sách vào vòng sau.',
    );
  });

  it('is robust when every judge agrees', () => {
    const r = sensitivity(
      input(
        { A: { j1: [9000], j2: [9000], j3: [9000] }, B: { j1: [8000], j2: [8000], j3: [8000] } },
        3,
      ),
      { cut: 1 },
    );
    expect(r.alternatives.map((a) => a.label)).toEqual([
      'Bỏ 1 cao nhất, 1 thấp nhất (từ 5 GK)',
      'Trung vị',
      'Chuẩn hóa điểm z',
    ]);
    expect(r.robust).toBe(true);
  });
});

describe('explain and judge totals under other settings', () => {
  it('explain under z-score adds the standardisation step and names the reference total', () => {
    const zin = input({ A: { j1: [9000], j2: [8000] }, B: { j1: [7000], j2: [6000] } }, 2, {
      round: aRound({ policy: { kind: 'zScore' } }),
    });
    const x = explainEntrant(zin, tally(zin), 'A' as EntrantId)!;
    expect(x.steps.map((s) => s.kind)).toEqual([
      'judgeTotals',
      'aggregate',
      'standardise',
      'total',
      'rank',
    ]);
    // Each judge: A is +1 sd; pooled mean 75, pooled sd √125 ≈ 11,18 → 86,18.
    expect(x.steps[2].display).toBe('86,18');
    expect(x.steps[3].label).toBe('Tổng điểm (chưa chuẩn hóa)');
  });

  it("judgeTotals() gives each judge's weighted total and why a judge does not count", () => {
    const rows = judgeTotals(input({ A: { j1: [9000], j2: [] } }, 2));
    expect(rows.get('A' as EntrantId)!.map((t) => [t.judgeId, t.totalCp, t.absence])).toEqual([
      ['j1', 9000, 'none'],
      ['j2', null, 'incomplete'],
    ]);
  });
});
