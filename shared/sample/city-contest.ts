/**
 * A sample city Hội thi “Dân vận khéo” shaped like Hà Nội 2024: a preliminary of 6 clusters of 5–7
 * teams (khối quận/huyện and khối sở/ngành), 5 judges per cluster, every score entered, the
 * knowledge quiz as an objective part, a few time penalties; the best team of each cluster goes to
 * a final (made with the real tally and advancement code) scored by its own panel.
 *
 * Not here: storing the records (the caller imports them). Deterministic for a seed.
 */
import { leaves } from '../model/criteria-tree';
import type {
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Judge,
  JudgeId,
  Round,
  RoundId,
} from '../model/types';
import { buildExclusion } from '../awards/exclusion';
import { instantiateTemplate } from '../templates/templates';
import { advancement, createFinalEntrants } from '../tally/advancement';
import { rng, type Rng } from '../tally/prng';
import { tally, objectiveMap } from '../tally/tally';
import type { ObjectiveScore, Penalty } from '../tally/tally-types';
import {
  CITY_DEPARTMENTS,
  CITY_DISTRICTS,
  CITY_JUDGES,
  GIVEN,
  GROUP_DEPARTMENTS,
  GROUP_DISTRICTS,
  MIDDLE,
  SURNAMES,
} from './names';
import { personName, sampleScores, shuffled } from './scores';
import type { SampleContext, SampleData } from './types';

export interface CityContestOptions extends SampleContext {
  readonly clusters?: number;
  readonly judgesPerCluster?: number;
  readonly finalJudges?: number;
}

const QUIZ = 'Trả lời câu hỏi';

function objectiveScores(r: Rng, entrants: readonly Entrant[], quiz: Criterion): ObjectiveScore[] {
  // 10 quick-fire questions, 2 points each: the secretary enters the number right × 2.
  return entrants.map((e) => ({
    entrantId: e.id,
    criterionId: quiz.id,
    steps: (r.int(4, 10) * 200) / quiz.stepCp,
  }));
}

function penalties(r: Rng, entrants: readonly Entrant[]): Penalty[] {
  return entrants
    .filter(() => r.chance(0.15))
    .map((e) => ({ entrantId: e.id, cp: 50, reason: 'Vượt thời gian quy định phần Tiểu phẩm' }));
}

export function generateCityContest(opts: CityContestOptions): SampleData {
  const r = rng(opts.seed);
  const { newId, now } = opts;
  const year = Number(now.slice(0, 4)) || 2024;
  const tpl = instantiateTemplate('hoi-thi', {
    newId,
    now,
    year,
    name: `Hội thi “Dân vận khéo” Thành phố năm ${year}`,
  });
  const criteria = tpl.criteria.map((c) => (c.name === QUIZ ? { ...c, objective: true } : c));
  const [prelimT, finalT] = tpl.rounds;
  const partId = (roundId: RoundId, name: string) =>
    criteria.find((c) => c.roundId === roundId && c.parentId === null && c.name === name)!
      .id as CriterionId;
  const prelim: Round = {
    ...prelimT,
    date: `${year}-09-20`,
    venue: 'Cung Văn hóa Lao động Hữu nghị Việt – Xô',
    tieBreak: [
      { kind: 'part', criterionId: partId(prelimT.id, 'Tiểu phẩm') },
      { kind: 'firstPlaces' },
      { kind: 'headJudgeTotal' },
      { kind: 'lot', seed: opts.seed },
    ],
    prizes: [
      { name: 'Giải Nhất', count: 1 },
      { name: 'Giải Nhì', count: 1 },
      { name: 'Giải Ba', count: 1 },
    ],
    shareTies: true,
    missingScores: 'meanOfPresent',
  };
  const final: Round = {
    ...finalT,
    date: `${year}-10-15`,
    venue: 'Nhà hát Thành phố',
    tieBreak: [
      { kind: 'part', criterionId: partId(finalT.id, 'Tiểu phẩm') },
      { kind: 'tieBreakQuestion' },
      { kind: 'lot', seed: opts.seed + 1 },
    ],
    prizes: [
      { name: 'Giải Xuất sắc', count: 1 },
      { name: 'Giải Nhất', count: 1 },
      { name: 'Giải Nhì', count: 1 },
      { name: 'Giải Ba', count: 1 },
      { name: 'Giải Khuyến khích' },
    ],
    sidePrizes: [
      {
        kind: 'bestPart',
        name: 'Phần thi Tiểu phẩm hay nhất',
        criterionId: partId(finalT.id, 'Tiểu phẩm'),
      },
      {
        kind: 'bestPart',
        name: 'Phần thi Chào hỏi ấn tượng nhất',
        criterionId: partId(finalT.id, 'Chào hỏi'),
      },
      { kind: 'chosen', name: 'Giải phong cách' },
    ],
  };
  const clusters = tpl.clusters.slice(0, opts.clusters ?? 6);

  const units = shuffled(r, [...CITY_DISTRICTS, ...CITY_DEPARTMENTS]);
  const sizes = clusters.map(() => r.int(5, 7));
  const entrants: Entrant[] = [];
  clusters.forEach((cl, k) => {
    for (let i = 0; i < sizes[k]; i++) {
      const unit = units[entrants.length % units.length];
      const members = Array.from({ length: 7 }, () => personName(r, SURNAMES, MIDDLE, GIVEN));
      entrants.push({
        id: newId() as EntrantId,
        roundId: prelim.id,
        code: `DT${String(entrants.length + 1).padStart(2, '0')}`,
        kind: 'team',
        name: `Đội thi ${unit}`,
        unit,
        clusterId: cl.id,
        group: CITY_DISTRICTS.includes(unit) ? GROUP_DISTRICTS : GROUP_DEPARTMENTS,
        members,
        order: entrants.length,
      });
    }
  });

  const judge = (i: number, order: number, head: boolean, over: Partial<Judge>): Judge => {
    const [title, unit] = CITY_JUDGES[i % CITY_JUDGES.length];
    return {
      id: newId() as JudgeId,
      contestId: tpl.contest.id,
      name: personName(r, SURNAMES, MIDDLE, GIVEN),
      title,
      unit,
      role: head ? 'head' : 'member',
      clusterIds: [],
      fields: [],
      order,
      ...over,
    };
  };
  const perCluster = opts.judgesPerCluster ?? 5;
  const prelimJudges = clusters.flatMap((cl, k) =>
    Array.from({ length: perCluster }, (_, i) =>
      judge(k + i, k * perCluster + i, i === 0, { clusterIds: [cl.id], roundIds: [prelim.id] }),
    ),
  );
  const finalJudges = Array.from({ length: opts.finalJudges ?? 7 }, (_, i) =>
    judge(i, prelimJudges.length + i, i === 0, { roundIds: [final.id] }),
  );

  const excluded = buildExclusion();
  const quality = new Map(entrants.map((e) => [e.id, r.normal(0.78, 0.07)]));
  const judgedLeaves = (roundId: RoundId) =>
    leaves(criteria.filter((c) => c.roundId === roundId)).filter((c) => !c.objective);
  const quiz = (roundId: RoundId) =>
    criteria.find((c) => c.roundId === roundId && c.name === QUIZ)!;
  const prelimScores = sampleScores(
    r,
    entrants,
    prelimJudges,
    () => judgedLeaves(prelim.id),
    (e) => quality.get(e.id)!,
    excluded,
  );
  const prelimObjective = objectiveScores(r, entrants, quiz(prelim.id));
  const prelimPenalties = penalties(r, entrants);

  const results = clusters.flatMap(
    (cl) =>
      tally({
        round: prelim,
        criteria: criteria.filter((c) => c.roundId === prelim.id),
        entrants: entrants.filter((e) => e.clusterId === cl.id),
        judges: prelimJudges.filter((j) => j.clusterIds.includes(cl.id)),
        scores: prelimScores,
        excluded,
        objective: objectiveMap(prelimObjective),
        penalties: prelimPenalties,
      }).results,
  );
  const adv = advancement(results, prelim.advancement ?? { perCluster: 1, overall: 0 }, {
    tieBreak: prelim.tieBreak,
    clusters,
  });
  const finalists = createFinalEntrants(adv.qualified, final.id, newId);
  for (const f of finalists)
    quality.set(f.id, quality.get(f.sourceEntrantId!)! + r.normal(0, 0.03));
  const finalScores = sampleScores(
    r,
    finalists,
    finalJudges,
    () => judgedLeaves(final.id),
    (e) => quality.get(e.id)!,
    excluded,
  );

  return {
    contest: tpl.contest,
    rounds: [prelim, final],
    clusters,
    criteria,
    judges: [...prelimJudges, ...finalJudges],
    entrants: [...entrants, ...finalists],
    scores: [...prelimScores, ...finalScores],
    objective: [...prelimObjective, ...objectiveScores(r, finalists, quiz(final.id))],
    penalties: [...prelimPenalties, ...penalties(r, finalists)],
  };
}
