/**
 * A sample province award round (bình xét mô hình “Dân vận khéo”) at the size one province really
 * registered (1,045 models): models from communes, districts and province bodies across the four
 * fields, collectives and individuals on their own rubrics (five standards each), an area-dependent
 * pass mark with a 50 % floor per standard, 9 judges scoring every model except their own unit's
 * (or, with fieldPanels, only their field's).
 *
 * Not here: storing the records. Deterministic for a seed.
 */
import type {
  Contest,
  ContestId,
  Criterion,
  Entrant,
  EntrantId,
  Judge,
  JudgeId,
  Round,
  RoundId,
} from '../model/types';
import { buildExclusion } from '../awards/exclusion';
import { criteriaForEntrant } from '../awards/rubric';
import { buildCriteria, DEFAULT_PARTY_ISSUER, FIELDS } from '../templates/templates';
import { rng } from '../tally/prng';
import {
  COLLECTIVE_STANDARDS,
  COMMUNE_BODIES,
  COMMUNES,
  GIVEN,
  INDIVIDUAL_STANDARDS,
  MIDDLE,
  MODELS_BY_FIELD,
  PROVINCE_BODIES,
  PROVINCE_DISTRICTS,
  PROVINCE_JUDGE_TITLES,
  REMOTE_DISTRICTS,
  SURNAMES,
} from './names';
import { personName, sampleScores } from './scores';
import type { SampleContext, SampleData } from './types';

export interface AwardRoundOptions extends SampleContext {
  readonly models?: number;
  readonly judges?: number;
  /** Leaves per rubric (each rubric has up to five standards sharing 100 points). */
  readonly criteria?: number;
  /** Judges split into field panels (tổ thẩm định) instead of all scoring every model. */
  readonly fieldPanels?: boolean;
}

type PartSpec = readonly [string, readonly (readonly [string, number, number])[]];

/** Split `n` leaves over up to five standards, 100 points in all, in whole points per leaf. */
function rubricParts(n: number, standards: typeof COLLECTIVE_STANDARDS): PartSpec[] {
  const count = Math.max(1, Math.min(5, n));
  return Array.from({ length: count }, (_, s) => {
    const k = Math.floor(n / count) + (s < n % count ? 1 : 0);
    const points = Math.floor(100 / count) + (s < 100 % count ? 1 : 0);
    const [name, leafNames] = standards[s];
    return [
      name,
      Array.from(
        { length: k },
        (_, i) =>
          [
            leafNames[i] ?? `Nội dung ${i + 1}`,
            Math.floor(points / k) + (i < points % k ? 1 : 0),
            0.5,
          ] as const,
      ),
    ] as const;
  });
}

export function generateAwardRound(opts: AwardRoundOptions): SampleData {
  const r = rng(opts.seed);
  const { newId, now } = opts;
  const models = opts.models ?? 1045;
  const year = Number(now.slice(0, 4)) || 2024;
  const contest: Contest = {
    id: newId() as ContestId,
    name: `Bình xét mô hình, điển hình “Dân vận khéo” tỉnh giai đoạn ${year - 4}–${year}`,
    kind: 'award',
    year,
    issuer: { ...DEFAULT_PARTY_ISSUER, superior: 'TỈNH ỦY THANH SƠN', place: 'Thanh Sơn' },
    fields: FIELDS,
    createdAt: now,
  };
  const round: Round = {
    id: newId() as RoundId,
    contestId: contest.id,
    name: 'Đợt bình xét cấp tỉnh',
    stage: 'award',
    order: 0,
    policy: { kind: 'mean' },
    tieBreak: [],
    prizes: [],
    prizesPerCluster: false,
    locked: false,
    passMark: {
      attribute: 'area',
      defaultCp: 8000,
      standardFloorPercent: 50,
      marks: [
        { value: 'đô thị', cp: 9000 },
        { value: 'miền núi, hải đảo', cp: 6000 },
      ],
    },
    funnel: { exemplary: Math.round(models * 0.1), commended: Math.round(models * 0.03) },
  };
  const leavesPerRubric = opts.criteria ?? 10;
  const tag = (cs: Criterion[], rubric: string, orderFrom: number) =>
    cs.map((c) =>
      c.parentId === null
        ? { ...c, appliesTo: [rubric], order: c.order + orderFrom, name: c.name }
        : c,
    );
  const criteria = [
    ...tag(
      buildCriteria(round.id, rubricParts(leavesPerRubric, COLLECTIVE_STANDARDS), newId),
      'tap-the',
      0,
    ),
    ...tag(
      buildCriteria(round.id, rubricParts(leavesPerRubric, INDIVIDUAL_STANDARDS), newId),
      'ca-nhan',
      10,
    ),
  ];

  const judgeCount = opts.judges ?? 9;
  const judges: Judge[] = Array.from({ length: judgeCount }, (_, i) => ({
    id: newId() as JudgeId,
    contestId: contest.id,
    name: personName(r, SURNAMES, MIDDLE, GIVEN),
    title: PROVINCE_JUDGE_TITLES[i % PROVINCE_JUDGE_TITLES.length],
    unit: PROVINCE_BODIES[i % PROVINCE_BODIES.length],
    role: i === 0 ? 'head' : 'member',
    clusterIds: [],
    fields: opts.fieldPanels ? [FIELDS[i % FIELDS.length]] : [],
    order: i,
  }));

  const entrants: Entrant[] = Array.from({ length: models }, (_, i) => {
    const f = r.int(0, FIELDS.length - 1);
    const individual = r.chance(0.3);
    const district = r.pick(PROVINCE_DISTRICTS);
    const roll = r.next();
    const level = roll < 0.015 ? 'tỉnh' : roll < 0.135 ? 'huyện' : 'xã';
    const urban = district.startsWith('Thành phố') || district.startsWith('Thị xã');
    const commune = `${urban ? 'phường' : 'xã'} ${r.pick(COMMUNES)}`;
    const unit =
      level === 'tỉnh'
        ? r.pick(PROVINCE_BODIES)
        : level === 'huyện'
          ? `${r.pick(COMMUNE_BODIES)} ${district}`
          : `${r.pick(COMMUNE_BODIES)} ${commune}, ${district}`;
    const area =
      level === 'xã' && urban
        ? 'đô thị'
        : REMOTE_DISTRICTS.has(district)
          ? 'miền núi, hải đảo'
          : 'chung';
    const lead = personName(r, SURNAMES, MIDDLE, GIVEN);
    const practice = r.pick(MODELS_BY_FIELD[f]);
    return {
      id: newId() as EntrantId,
      roundId: round.id,
      code: `MH${String(i + 1).padStart(4, '0')}`,
      kind: 'model',
      name: individual ? `Điển hình “Dân vận khéo”: đồng chí ${lead}` : `Mô hình “${practice}”`,
      unit,
      clusterId: null,
      field: FIELDS[f],
      level,
      lead,
      area,
      rubric: individual ? 'ca-nhan' : 'tap-the',
      summary: individual
        ? `Cá nhân tiêu biểu trong lĩnh vực ${FIELDS[f].toLowerCase()}: ${practice.toLowerCase()}.`
        : `Thực hiện tại ${level === 'xã' ? commune : district}; khả năng nhân rộng cao.`,
      order: i,
    };
  });

  const quality = new Map(entrants.map((e) => [e.id, r.normal(0.78, 0.08)]));
  // A standard-level offset lets some models miss one standard's 50 % floor while passing overall.
  const standardOffset = new Map<string, number>();
  const parentOf = new Map(criteria.map((c) => [c.id, c.parentId]));
  const leavesOf = new Map(
    ['tap-the', 'ca-nhan'].map((k) => [k, criteriaForEntrant(criteria, { rubric: k })]),
  );
  const scores = sampleScores(
    r,
    entrants,
    judges,
    (e) => leavesOf.get(e.rubric!)!,
    (e, leaf) => {
      const key = `${e.id}|${parentOf.get(leaf.id)}`;
      const off =
        standardOffset.get(key) ??
        standardOffset.set(key, r.chance(0.015) ? -0.4 : r.normal(0, 0.04)).get(key)!;
      return quality.get(e.id)! + off;
    },
    buildExclusion({ fields: opts.fieldPanels ?? false }),
  );
  return {
    contest,
    rounds: [round],
    clusters: [],
    criteria,
    judges,
    entrants,
    scores,
    objective: [],
    penalties: [],
  };
}
