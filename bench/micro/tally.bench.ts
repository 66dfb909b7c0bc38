/**
 * Tally speed at a province's real size: 1,045 models × 9 judges × 10 criteria (from the sample
 * generator), median of several runs, against a plain loop summing the same score array per entrant.
 */
import { buildExclusion } from '../../shared/awards/exclusion';
import { generateAwardRound } from '../../shared/sample/award-round';
import { tally } from '../../shared/tally/tally';
import { timeMedian, type BenchRow } from '../harness';

export async function run(): Promise<BenchRow[]> {
  let n = 0;
  const data = generateAwardRound({
    seed: 2020,
    newId: () => `id${++n}`,
    now: '2020-12-01T00:00:00.000Z',
    models: 1045,
    judges: 9,
    criteria: 10,
  });
  const round = data.rounds[0];
  const input = {
    round,
    criteria: data.criteria,
    entrants: data.entrants,
    judges: data.judges,
    scores: data.scores,
    excluded: buildExclusion(),
  };
  const stepOf = new Map(data.criteria.map((c) => [c.id as string, c.stepCp]));

  const plainLoopSum = () => {
    const totals = new Map<string, number>();
    for (const s of data.scores)
      if (s.steps !== null)
        totals.set(
          s.entrantId,
          (totals.get(s.entrantId) ?? 0) + s.steps * stepOf.get(s.criterionId)!,
        );
    return totals;
  };
  const baseline = await timeMedian(plainLoopSum, 15, 3);
  const value = await timeMedian(() => tally(input), 15, 3);
  const zValue = await timeMedian(
    () => tally({ ...input, round: { ...round, policy: { kind: 'zScore' } } }),
    9,
    2,
  );
  const label = `tally ${data.entrants.length} mô hình × ${data.judges.length} GK × 10 tiêu chí (${data.scores.length} điểm)`;
  return [
    { name: label, value, unit: 'ms', baselineName: 'plain loop sum', baseline, goal: '< 50 ms' },
    {
      name: `${label}, chuẩn hóa z`,
      value: zValue,
      unit: 'ms',
      baselineName: 'plain loop sum',
      baseline,
      goal: '< 50 ms',
    },
  ];
}
