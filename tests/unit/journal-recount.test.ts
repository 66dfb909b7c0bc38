import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seal, type JournalEvent } from '@shared/journal/event';
import { project } from '@shared/journal/projection';
import {
  compareWithTally,
  pointsText,
  recount,
  type RecountCriterion,
  type RecountInput,
} from '@shared/journal/recount';
import type {
  ContestId,
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Judge,
  JudgeId,
  RoundId,
} from '@shared/model/types';
import { tally } from '@shared/tally/tally';
import { aDevice, BASE, ref, shuffledWithDuplicates } from './journal-builders';

/** Part P (weight 2) with leaves a (step 50, max 1000) and b (step 25, max 500); leaf c at the top (weight 1). */
const CRITERIA: RecountCriterion[] = [
  { id: 'P', parentId: null, weight: 2, stepCp: 100, maxCp: 0 },
  { id: 'a', parentId: 'P', weight: 1, stepCp: 50, maxCp: 1000 },
  { id: 'b', parentId: 'P', weight: 1, stepCp: 25, maxCp: 500 },
  { id: 'c', parentId: null, weight: 1, stepCp: 100, maxCp: 1000 },
];

function input(events: readonly JournalEvent[], over: Partial<RecountInput> = {}): RecountInput {
  return {
    roundId: 'r1',
    policy: { kind: 'mean' },
    events,
    criteria: CRITERIA,
    judgeIds: ['j1', 'j2', 'j3'],
    entrantIds: ['e1'],
    ...over,
  };
}

/** A judge's device giving `steps` for leaves a, b, c of entrant e1 (undefined = leave empty). */
function judgeSheet(judgeId: string, steps: [number?, number?, number?], entrantId = 'e1') {
  const d = aDevice(`dev-${judgeId}-${entrantId}`);
  (['a', 'b', 'c'] as const).forEach((criterionId, k) => {
    if (steps[k] !== undefined) d.emit({ judgeId, entrantId, criterionId, steps: steps[k] });
  });
  return d;
}

/** Total of one judge for the sheet above: (a×50 + b×25)×2 + c×100. */
const totalOf = (a: number, b: number, c: number) => (a * 50 + b * 25) * 2 + c * 100;

describe('recount: rules', () => {
  it('the result is the plain mean of complete judge totals, with weights along the path', () => {
    const events = [
      ...judgeSheet('j1', [10, 4, 8]).events,
      ...judgeSheet('j2', [12, 2, 7]).events,
      ...judgeSheet('j3', [9, 0, 9]).events,
    ];
    const rc = recount(input(events));
    const totals = [totalOf(10, 4, 8), totalOf(12, 2, 7), totalOf(9, 0, 9)];
    expect(rc.entrants[0].judges.map((j) => j.totalCp)).toEqual(totals);
    expect(totals).toEqual([2000, 2000, 1800]);
    expect(rc.entrants[0].totalCp).toEqual({ n: 5800, d: 3 }); // exact: 19,33… points, never a float
  });

  it('an incomplete judge is left out; with requireAll the entrant has no result', () => {
    const events = [
      ...judgeSheet('j1', [10, 4, 8]).events,
      ...judgeSheet('j2', [12, 2, undefined]).events,
    ];
    expect(recount(input(events)).entrants[0]).toMatchObject({
      totalCp: { n: totalOf(10, 4, 8), d: 1 },
    });
    expect(recount(input(events)).entrants[0].judges.map((j) => j.status)).toEqual([
      'counted',
      'incomplete',
      'incomplete',
    ]);
    const strict = recount(input(events, { missingScores: 'requireAll' })).entrants[0];
    expect(strict.totalCp).toBeNull();
    expect(strict.why[0]).toContain('chưa chấm đủ');
  });

  it('two devices disagree on a cell → undecided, the judge does not count', () => {
    const j1 = judgeSheet('j1', [10, 4, 8]);
    const sec = aDevice('secretary');
    sec.emit({ judgeId: 'j1', criterionId: 'a', steps: 11 });
    const rc = recount(input([...j1.events, ...sec.events, ...judgeSheet('j2', [1, 1, 1]).events]));
    expect(rc.undecidedCells).toBe(1);
    expect(rc.entrants[0].judges[0].status).toBe('undecided');
    expect(rc.entrants[0].totalCp).toEqual({ n: totalOf(1, 1, 1), d: 1 });
  });

  it('a decision that saw both values (settles + reason) makes the cell count again', () => {
    const j1 = judgeSheet('j1', [10, 4, 8]);
    const sec = aDevice('secretary');
    sec.emit({ judgeId: 'j1', criterionId: 'a', steps: 11 });
    sec.emit({
      kind: 'edit',
      judgeId: 'j1',
      criterionId: 'a',
      steps: 11,
      settles: [ref(j1.events[0])],
      reason: 'Theo phiếu giấy',
    });
    const rc = recount(input([...j1.events, ...sec.events]));
    expect(rc.undecidedCells).toBe(0);
    expect(rc.entrants[0].totalCp).toEqual({ n: totalOf(11, 4, 8), d: 1 });
  });

  it('objective leaves add the secretary’s score; a missing one leaves no result', () => {
    const criteria = [
      ...CRITERIA,
      { id: 'o', parentId: null, weight: 3, stepCp: 10, maxCp: 200, objective: true },
    ];
    const j1 = judgeSheet('j1', [10, 4, 8]);
    const sec = aDevice('secretary');
    expect(recount(input(j1.events, { criteria })).entrants[0].totalCp).toBeNull();
    sec.emit({ kind: 'objective', judgeId: null, criterionId: 'o', steps: 15 });
    expect(recount(input([...j1.events, ...sec.events], { criteria })).entrants[0].totalCp).toEqual(
      { n: totalOf(10, 4, 8) + 15 * 10 * 3, d: 1 },
    );
  });

  it('penalties with a reason are subtracted; one without a reason does not count', () => {
    const j1 = judgeSheet('j1', [10, 4, 8]);
    const sec = aDevice('secretary');
    sec.emit({ kind: 'penalty', judgeId: null, criterionId: null, steps: 50, reason: 'Quá giờ' });
    sec.emit({ kind: 'penalty', judgeId: null, criterionId: 'P', steps: 25, reason: null });
    expect(recount(input([...j1.events, ...sec.events])).entrants[0].totalCp).toEqual({
      n: totalOf(10, 4, 8) - 50,
      d: 1,
    });
  });

  it('an excluded judge is not counted', () => {
    const events = [...judgeSheet('j1', [10, 4, 8]).events, ...judgeSheet('j2', [0, 0, 0]).events];
    const rc = recount(input(events, { excluded: [{ judgeId: 'j2', entrantId: 'e1' }] }));
    expect(rc.entrants[0].judges.map((j) => j.status)).toEqual([
      'counted',
      'excluded',
      'incomplete',
    ]);
    expect(rc.entrants[0].totalCp).toEqual({ n: totalOf(10, 4, 8), d: 1 });
  });

  it('leaves that do not apply to the entrant’s rubric are not needed', () => {
    const criteria = CRITERIA.map((c) => (c.id === 'c' ? { ...c, appliesTo: ['ca-nhan'] } : c));
    const events = judgeSheet('j1', [10, 4, undefined]).events;
    expect(
      recount(input(events, { criteria, rubrics: new Map([['e1', 'tap-the']]) })).entrants[0]
        .totalCp,
    ).toEqual({ n: (10 * 50 + 4 * 25) * 2, d: 1 });
    expect(
      recount(input(events, { criteria, rubrics: new Map([['e1', 'ca-nhan']]) })).entrants[0]
        .totalCp,
    ).toBeNull();
  });

  it('trimmed mean drops the highest and lowest; median takes the middle', () => {
    const sheets = [
      [1, 0, 0],
      [2, 0, 0],
      [3, 0, 0],
      [10, 0, 0],
    ] as const;
    const events = sheets.flatMap((s, k) => judgeSheet(`j${k + 1}`, [...s]).events);
    const judgeIds = ['j1', 'j2', 'j3', 'j4'];
    const trimmed = recount(
      input(events, { judgeIds, policy: { kind: 'trimmedMean', drop: 1, minPanel: 4 } }),
    ).entrants[0];
    expect(trimmed.totalCp).toEqual({ n: (200 + 300) / 2, d: 1 });
    expect(trimmed.judges.map((j) => j.status)).toEqual([
      'trimmed',
      'counted',
      'counted',
      'trimmed',
    ]);
    expect(
      recount(input(events, { judgeIds, policy: { kind: 'median' } })).entrants[0].totalCp,
    ).toEqual({ n: 250, d: 1 });
    // Fewer judges than minPanel: plain mean of all four, (100 + 200 + 300 + 1000) / 4.
    expect(
      recount(input(events, { judgeIds, policy: { kind: 'trimmedMean', drop: 1, minPanel: 5 } }))
        .entrants[0].totalCp,
    ).toEqual({ n: 400, d: 1 });
  });

  it('an edit after the same device locked the round is ignored; an amend with a reason counts', () => {
    const d = judgeSheet('j1', [10, 4, 8]);
    d.emit({ kind: 'lock', judgeId: null, entrantId: null, criterionId: null, steps: null });
    d.emit({ kind: 'edit', judgeId: 'j1', criterionId: 'a', steps: 0 });
    expect(recount(input(d.events)).entrants[0].totalCp).toEqual({ n: totalOf(10, 4, 8), d: 1 });
    d.emit({
      kind: 'amend',
      judgeId: 'j1',
      criterionId: 'a',
      steps: 0,
      reason: 'Quyết định của hội đồng',
    });
    expect(recount(input(d.events)).entrants[0].totalCp).toEqual({ n: totalOf(0, 4, 8), d: 1 });
  });

  it('a forked event leaves its cell undecided', () => {
    const d = judgeSheet('j1', [10, 4, 8]);
    const first = d.events[0];
    const twin = seal(
      { ...BASE, judgeId: 'j1', criterionId: 'a', steps: 3 },
      first.deviceId,
      first.seq,
      first.prev,
    );
    const rc = recount(input([...d.events, twin]));
    expect(rc.undecidedCells).toBe(1);
    expect(rc.entrants[0].totalCp).toBeNull();
  });

  it('the same events in any order, any number of times, recount the same', () => {
    const events = [...judgeSheet('j1', [10, 4, 8]).events, ...judgeSheet('j2', [3, 2, 1]).events];
    fc.assert(
      fc.property(shuffledWithDuplicates(events), (again) => {
        expect(recount(input(again))).toEqual(recount(input(events)));
      }),
      { numRuns: 50 },
    );
  });
});

describe('compareWithTally', () => {
  const rc = recount(
    input([...judgeSheet('j1', [10, 4, 8]).events, ...judgeSheet('j1', [1, 1, 1], 'e2').events], {
      entrantIds: ['e1', 'e2', 'e3'],
    }),
  );

  it('equal results (as fractions) → no difference', () => {
    const official = rc.entrants.map((e) => ({
      entrantId: e.entrantId,
      totalCp: e.totalCp === null ? null : { n: e.totalCp.n * 3, d: e.totalCp.d * 3 },
    }));
    expect(compareWithTally(rc, official)).toEqual([]);
  });

  it('lists every difference by entrant, in Vietnamese', () => {
    const official = [
      { entrantId: 'e1', totalCp: { n: totalOf(10, 4, 8) + 5, d: 1 } },
      { entrantId: 'e2', totalCp: null },
      { entrantId: 'e4', totalCp: { n: 100, d: 1 } },
    ];
    const diff = compareWithTally(rc, official, new Map([['e1', 'Mô hình “Dân vận khéo” xã A']]));
    expect(diff.map((d) => d.entrantId)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(diff[0].message).toBe(
      'Mô hình “Dân vận khéo” xã A: kiểm đếm lại được 20 điểm, nhưng bảng kết quả ghi 20,05 điểm.',
    );
    expect(diff[1].message).toBe(
      'e2: kiểm đếm lại được 2,5 điểm, nhưng bảng kết quả chưa có kết quả.',
    );
    expect(diff[2].message).toContain(
      'e3: kiểm đếm lại được chưa có kết quả (chưa có giám khảo nào chấm đủ) nhưng bảng kết quả không có',
    );
    expect(diff[3].message).toBe(
      'e4: có trong bảng kết quả (1 điểm) nhưng không có trong danh sách kiểm đếm lại.',
    );
  });

  it('shows points exactly, with a comma, to 4 decimals', () => {
    expect(pointsText({ n: 8550, d: 1 })).toBe('85,5 điểm');
    expect(pointsText({ n: 1, d: 3 })).toBe('0,0033… điểm');
    expect(pointsText({ n: -50, d: 1 })).toBe('-0,5 điểm');
    expect(pointsText(null)).toBe('chưa có kết quả');
  });
});

describe('recount vs the official tally (journal → projection → tally)', () => {
  const judges: Judge[] = ['j1', 'j2', 'j3'].map((id, k) => ({
    id: id as JudgeId,
    contestId: 'c1' as ContestId,
    name: `GK ${k + 1}`,
    title: '',
    unit: '',
    role: k === 0 ? 'head' : 'member',
    clusterIds: [],
    fields: [],
    order: k,
  }));
  const entrants: Entrant[] = ['e1', 'e2', 'e3', 'e4'].map((id, k) => ({
    id: id as EntrantId,
    roundId: 'r1' as RoundId,
    code: `M${k + 1}`,
    kind: 'model',
    name: `Mô hình ${k + 1}`,
    unit: '',
    clusterId: null,
    order: k,
  }));

  it('property: on complete random contests both give the same result for every entrant', () => {
    let recounted = 0;
    let differences = 0;
    const aContest = fc.record({
      weights: fc.tuple(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
      ),
      steps: fc.array(
        fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 }), {
          minLength: 3,
          maxLength: 3,
        }),
        { minLength: 4, maxLength: 4 },
      ),
      penalties: fc.array(fc.option(fc.integer({ min: 1, max: 200 }), { freq: 2 }), {
        minLength: 4,
        maxLength: 4,
      }),
      objective: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }),
      edits: fc.array(fc.tuple(fc.nat(3), fc.nat(2), fc.nat(2), fc.integer({ min: 0, max: 20 })), {
        maxLength: 6,
      }),
      policy: fc.constantFrom(
        { kind: 'mean' as const },
        { kind: 'trimmedMean' as const, drop: 1, minPanel: 3 },
        { kind: 'median' as const },
      ),
    });
    fc.assert(
      fc.property(aContest, (c) => {
        const criteria: Criterion[] = [
          {
            id: 'P' as CriterionId,
            roundId: 'r1' as RoundId,
            parentId: null,
            name: 'Phần 1',
            order: 0,
            maxCp: 0,
            stepCp: 100,
            weight: c.weights[0],
          },
          {
            id: 'a' as CriterionId,
            roundId: 'r1' as RoundId,
            parentId: 'P' as CriterionId,
            name: 'a',
            order: 0,
            maxCp: 1000,
            stepCp: 50,
            weight: c.weights[1],
          },
          {
            id: 'b' as CriterionId,
            roundId: 'r1' as RoundId,
            parentId: 'P' as CriterionId,
            name: 'b',
            order: 1,
            maxCp: 500,
            stepCp: 25,
            weight: 1,
          },
          {
            id: 'c' as CriterionId,
            roundId: 'r1' as RoundId,
            parentId: null,
            name: 'c',
            order: 1,
            maxCp: 2000,
            stepCp: 100,
            weight: c.weights[2],
          },
          {
            id: 'o' as CriterionId,
            roundId: 'r1' as RoundId,
            parentId: null,
            name: 'Trắc nghiệm',
            order: 2,
            maxCp: 1000,
            stepCp: 100,
            weight: 1,
            objective: true,
          },
        ];
        const leaves = ['a', 'b', 'c'];
        const devices = judges.map((j) => aDevice(`dev-${j.id}`));
        entrants.forEach((e, ei) =>
          judges.forEach((j, ji) =>
            leaves.forEach((leaf, li) =>
              devices[ji].emit({
                judgeId: j.id,
                entrantId: e.id,
                criterionId: leaf,
                steps: c.steps[ei][ji][li],
              }),
            ),
          ),
        );
        for (const [ei, ji, li, s] of c.edits)
          devices[ji].emit({
            kind: 'edit',
            judgeId: judges[ji].id,
            entrantId: entrants[ei].id,
            criterionId: leaves[li],
            steps: s,
          });
        const sec = aDevice('secretary');
        entrants.forEach((e, ei) => {
          sec.emit({
            kind: 'objective',
            judgeId: null,
            entrantId: e.id,
            criterionId: 'o',
            steps: c.objective[ei],
          });
          const p = c.penalties[ei];
          if (p !== null)
            sec.emit({
              kind: 'penalty',
              judgeId: null,
              entrantId: e.id,
              criterionId: null,
              steps: p,
              reason: 'Quá giờ',
            });
        });
        const events = [...devices.flatMap((d) => d.events), ...sec.events];

        const p = project(events);
        const objective = new Map<EntrantId, Map<CriterionId, number>>();
        for (const o of p.objectives)
          if (o.steps !== null)
            objective.set(
              o.entrantId as EntrantId,
              new Map([[o.criterionId as CriterionId, o.steps]]),
            );
        const penalties = p.penalties
          .filter((x) => x.cp !== null)
          .map((x) => ({ entrantId: x.entrantId as EntrantId, cp: x.cp!, reason: x.reason }));
        const official = tally({
          round: { policy: c.policy },
          criteria,
          entrants,
          judges,
          scores: p.scores,
          objective,
          penalties,
        });

        const rc = recount({
          roundId: 'r1',
          policy: c.policy,
          events,
          criteria,
          judgeIds: judges.map((j) => j.id),
          entrantIds: entrants.map((e) => e.id),
        });
        const diff = compareWithTally(
          rc,
          official.results.map((r) => ({ entrantId: r.entrant.id, totalCp: r.result })),
        );
        recounted += rc.entrants.length;
        differences += diff.length;
        expect(diff).toEqual([]);
      }),
      { numRuns: 60 },
    );
    console.log(
      `independent recount vs tally: ${recounted} entrants recounted, differences ${differences}`,
    );
  });
});
