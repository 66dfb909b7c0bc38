import { describe, expect, it } from 'vitest';
import { buildExclusion } from '@shared/awards/exclusion';
import { awardFunnel } from '@shared/awards/funnel';
import { criteriaForEntrant } from '@shared/awards/rubric';
import { leaves } from '@shared/model/criteria-tree';
import { generateAwardRound } from '@shared/sample/award-round';
import { generateCityContest } from '@shared/sample/city-contest';
import { FIELDS } from '@shared/templates/templates';
import { objectiveMap, tally } from '@shared/tally/tally';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const NOW = '2024-10-01T08:00:00.000Z';
const DIACRITICS = /[ăâđêôơưạảãáàậẩẫấầặẳẵắằẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳ]/i;

describe('generateCityContest', () => {
  const data = generateCityContest({ seed: 2024, newId: counter(), now: NOW });
  const [prelim, final] = data.rounds;
  const prelimEntrants = data.entrants.filter((e) => e.roundId === prelim.id);

  it('a preliminary of 6 clusters of 5–7 teams, 5 judges each, and a final', () => {
    expect(data.clusters).toHaveLength(6);
    for (const c of data.clusters) {
      const size = prelimEntrants.filter((e) => e.clusterId === c.id).length;
      expect(size).toBeGreaterThanOrEqual(5);
      expect(size).toBeLessThanOrEqual(7);
      expect(data.judges.filter((j) => j.clusterIds.includes(c.id))).toHaveLength(5);
    }
    expect([prelim.stage, final.stage]).toEqual(['preliminary', 'final']);
  });

  it('all scores entered: every assigned judge scored every judged criterion', () => {
    const excluded = buildExclusion();
    const have = new Set(data.scores.map((s) => `${s.judgeId}|${s.entrantId}|${s.criterionId}`));
    let expected = 0;
    for (const e of data.entrants) {
      const judged = leaves(data.criteria.filter((c) => c.roundId === e.roundId)).filter(
        (c) => !c.objective,
      );
      for (const j of data.judges) {
        if (excluded(j, e) !== 'none') continue;
        for (const c of judged) {
          expected++;
          expect(have.has(`${j.id}|${e.id}|${c.id}`)).toBe(true);
        }
      }
    }
    expect(data.scores).toHaveLength(expected);
    expect(data.objective).toHaveLength(data.entrants.length);
  });

  it('the final takes the best team of each cluster, linked to its preliminary entry', () => {
    const finalists = data.entrants.filter((e) => e.roundId === final.id);
    expect(finalists).toHaveLength(6);
    expect(
      finalists.every((f) =>
        prelimEntrants.some((p) => p.id === f.sourceEntrantId && p.name === f.name),
      ),
    ).toBe(true);
    const t = tally({
      round: final,
      criteria: data.criteria.filter((c) => c.roundId === final.id),
      entrants: finalists,
      judges: data.judges,
      scores: data.scores,
      excluded: buildExclusion(),
      objective: objectiveMap(data.objective),
      penalties: data.penalties,
    });
    expect(t.results.every((r) => r.status === 'ranked')).toBe(true);
  });

  it('deterministic for a seed, different for another', () => {
    expect(generateCityContest({ seed: 2024, newId: counter(), now: NOW })).toEqual(data);
    expect(generateCityContest({ seed: 2025, newId: counter(), now: NOW }).scores).not.toEqual(
      data.scores,
    );
  });

  it('names are Vietnamese with diacritics', () => {
    expect(prelimEntrants.every((e) => e.name.startsWith('Đội thi '))).toBe(true);
    expect(data.judges.every((j) => DIACRITICS.test(j.name + j.title))).toBe(true);
  });
});

describe('generateAwardRound', () => {
  const data = generateAwardRound({
    seed: 2020,
    newId: counter(),
    now: '2020-12-01T00:00:00.000Z',
  });

  it('1,045 models across the four fields, collectives and individuals, 9 judges, 10 criteria each', () => {
    expect(data.entrants).toHaveLength(1045);
    expect(new Set(data.entrants.map((e) => e.field))).toEqual(new Set(FIELDS));
    expect(new Set(data.entrants.map((e) => e.rubric))).toEqual(new Set(['tap-the', 'ca-nhan']));
    expect(data.judges).toHaveLength(9);
    for (const rubric of ['tap-the', 'ca-nhan'])
      expect(criteriaForEntrant(data.criteria, { rubric })).toHaveLength(10);
  });

  it("every model is scored by every judge except its own unit's, on its own rubric", () => {
    const excluded = buildExclusion();
    const pairs = data.entrants.reduce(
      (s, e) => s + data.judges.filter((j) => excluded(j, e) === 'none').length,
      0,
    );
    expect(data.scores).toHaveLength(pairs * 10);
    expect(pairs).toBeLessThan(1045 * 9); // a few province bodies nominate their own models
  });

  it('realistic Vietnamese unit and model names', () => {
    expect(data.entrants.every((e) => DIACRITICS.test(e.name) && DIACRITICS.test(e.unit))).toBe(
      true,
    );
    expect(data.entrants.some((e) => e.name.startsWith('Mô hình “'))).toBe(true);
    expect(data.entrants.some((e) => e.name.startsWith('Điển hình “Dân vận khéo”: đồng chí'))).toBe(
      true,
    );
  });

  it("field panels: each judge scores only models of the panel's field", () => {
    const small = generateAwardRound({
      seed: 1,
      newId: counter(),
      now: NOW,
      models: 40,
      fieldPanels: true,
    });
    const byId = new Map(small.entrants.map((e) => [e.id, e]));
    const judge = new Map(small.judges.map((j) => [j.id, j]));
    expect(
      small.scores.every((s) =>
        judge.get(s.judgeId)!.fields.includes(byId.get(s.entrantId)!.field!),
      ),
    ).toBe(true);
  });

  it('a funnel on the generated round recognises some, not all', () => {
    const round = data.rounds[0];
    const t = tally({
      round,
      criteria: data.criteria,
      entrants: data.entrants,
      judges: data.judges,
      scores: data.scores,
      excluded: buildExclusion(),
    });
    const f = awardFunnel({ results: t.results, rule: round.passMark!, counts: round.funnel! });
    expect(f.recognised.length).toBeGreaterThan(100);
    expect(f.recognised.length).toBeLessThan(1045);
    expect(f.commended.length).toBeLessThanOrEqual(round.funnel!.commended);
  });

  it('deterministic for a seed', () => {
    const again = generateAwardRound({
      seed: 2020,
      newId: counter(),
      now: '2020-12-01T00:00:00.000Z',
    });
    expect(again.scores).toEqual(data.scores);
    expect(again.entrants).toEqual(data.entrants);
  });
});
