/**
 * Rule: provisional until complete. A round's results are provisional while any judge assigned to
 * one of its panels has not submitted their sheet, unless the head judge recorded why (an absence
 * with a reason). Each scenario runs the real round results (tally, panels, exclusions) and then
 * the rule, as the results screen and the exports do.
 */
import { describe, expect, it } from 'vitest';
import type {
  ClusterId,
  EntrantId,
  Judge,
  JudgeId,
  Round,
  RoundId,
  Score,
} from '@shared/model/types';
import { roundCompleteness, type SheetStateLike } from '@shared/results/completeness';
import { roundResults } from '@shared/results/round-results';
import { aCluster, aCriterion, aJudge, aRound, aScore, anEntrant } from '../support/builders';

const k1 = aCluster({ id: 'k1' as ClusterId, name: 'Cụm 1', order: 0 });
const k2 = aCluster({ id: 'k2' as ClusterId, name: 'Cụm 2', order: 1 });
const q1 = aCriterion();
const perCluster = aRound({ stage: 'preliminary', name: 'Vòng sơ khảo', prizesPerCluster: true });
const entrants = [
  anEntrant({
    id: 'e1' as EntrantId,
    code: 'D1',
    name: 'Đội Hoàn Kiếm',
    unit: 'Phường Hoàn Kiếm',
    clusterId: k1.id,
    order: 0,
  }),
  anEntrant({
    id: 'e2' as EntrantId,
    code: 'D2',
    name: 'Đội Ba Đình',
    unit: 'Phường Ba Đình',
    clusterId: k1.id,
    order: 1,
  }),
  anEntrant({
    id: 'e3' as EntrantId,
    code: 'D3',
    name: 'Đội Tây Hồ',
    unit: 'Phường Tây Hồ',
    clusterId: k2.id,
    order: 2,
  }),
];
const judge = (id: string, name: string, order: number, o: Partial<Judge> = {}) =>
  aJudge({ id: id as JudgeId, name, order, unit: `Đơn vị ${id}`, ...o });
const ja = judge('ja', 'Nguyễn Văn A', 0, { clusterIds: [k1.id] });
const jb = judge('jb', 'Trần Thị B', 1, { clusterIds: [k2.id] });
const jc = judge('jc', 'Lê Văn C', 2); // every cluster
const everyScore = (judges: readonly Judge[], es = entrants): Score[] =>
  judges.flatMap((j) =>
    es
      .filter(
        (e) =>
          j.clusterIds.length === 0 || (e.clusterId !== null && j.clusterIds.includes(e.clusterId)),
      )
      .map((e) => aScore({ judgeId: j.id, entrantId: e.id })),
  );
const submitted = (...ids: string[]): SheetStateLike[] =>
  ids.map((judgeId) => ({
    roundId: 'r1',
    judgeId,
    entrantId: null,
    pass: null,
    state: 'submitted',
  }));

interface Scenario {
  readonly rule: string;
  readonly round?: Round;
  readonly judges?: readonly Judge[];
  readonly entrants?: typeof entrants;
  readonly scores?: readonly Score[];
  readonly sheets: readonly SheetStateLike[];
  readonly provisional: boolean;
  readonly missing?: readonly string[];
  readonly excused?: readonly string[];
}

const J = [ja, jb, jc];
const scenarios: Scenario[] = [
  {
    rule: 'every assigned judge submitted: final',
    sheets: submitted('ja', 'jb', 'jc'),
    provisional: false,
  },
  {
    rule: 'a judge who has not submitted makes the round provisional, named with their cluster and how far they got',
    sheets: submitted('ja', 'jc'),
    provisional: true,
    missing: ['GK1 Trần Thị B — Cụm 2: chưa nộp phiếu (1/1 đội đã chấm đủ)'],
  },
  {
    rule: 'the count is entrants fully scored out of those assigned to the judge',
    scores: everyScore([ja, jb]).concat(aScore({ judgeId: jc.id, entrantId: 'e1' as EntrantId })),
    sheets: submitted('ja', 'jb'),
    provisional: true,
    missing: [
      'GK2 Lê Văn C — Cụm 1: chưa nộp phiếu (1/2 đội đã chấm đủ)',
      'GK2 Lê Văn C — Cụm 2: chưa nộp phiếu (0/1 đội đã chấm đủ)',
    ],
  },
  {
    rule: 'a reopened sheet is missing again until it is submitted anew',
    sheets: [
      ...submitted('ja', 'jb'),
      { roundId: 'r1', judgeId: 'jc', entrantId: null, pass: null, state: 'reopened' },
    ],
    provisional: true,
    missing: [
      'GK2 Lê Văn C — Cụm 1: đã mở lại phiếu, chưa nộp lại (2/2 đội đã chấm đủ)',
      'GK2 Lê Văn C — Cụm 2: đã mở lại phiếu, chưa nộp lại (1/1 đội đã chấm đủ)',
    ],
  },
  {
    rule: 'an absence recorded with a reason excuses the missing sheet',
    round: {
      ...perCluster,
      decisions: {
        absences: [
          {
            judgeId: jb.id,
            reason: 'Ốm, vắng cả buổi thi',
            by: 'Trưởng ban',
            at: '2026-11-23T09:00:00.000Z',
          },
        ],
      },
    },
    sheets: submitted('ja', 'jc'),
    provisional: false,
    excused: ['Trần Thị B: không nộp phiếu — Ốm, vắng cả buổi thi (Trưởng ban ghi nhận)'],
  },
  {
    rule: 'an absence with a blank reason excuses nothing',
    round: {
      ...perCluster,
      decisions: {
        absences: [
          { judgeId: jb.id, reason: '  ', by: 'Trưởng ban', at: '2026-11-23T09:00:00.000Z' },
        ],
      },
    },
    sheets: submitted('ja', 'jc'),
    provisional: true,
    missing: ['GK1 Trần Thị B — Cụm 2: chưa nộp phiếu (1/1 đội đã chấm đủ)'],
  },
  {
    rule: 'a paper sheet submitted for one typing (pass 1 or 2) is not the judge’s submitted sheet',
    sheets: [
      ...submitted('ja', 'jc'),
      { roundId: 'r1', judgeId: 'jb', entrantId: null, pass: 1, state: 'submitted' },
    ],
    provisional: true,
    missing: ['GK1 Trần Thị B — Cụm 2: chưa nộp phiếu (1/1 đội đã chấm đủ)'],
  },
  {
    rule: 'a sheet submitted in another round does not count in this one',
    sheets: [
      ...submitted('ja', 'jc'),
      { roundId: 'r2', judgeId: 'jb', entrantId: null, pass: null, state: 'submitted' },
    ],
    provisional: true,
    missing: ['GK1 Trần Thị B — Cụm 2: chưa nộp phiếu (1/1 đội đã chấm đủ)'],
  },
  {
    rule: 'a judge of another round (Judge.roundIds) is not waited for',
    judges: [...J, judge('jd', 'Phạm Văn D', 3, { roundIds: ['r2' as RoundId] })],
    sheets: submitted('ja', 'jb', 'jc'),
    provisional: false,
  },
  {
    rule: 'a judge whose only entrants are their own unit (conflict of interest) is not waited for in that cluster',
    judges: [...J, judge('je', 'Hoàng Thị E', 3, { clusterIds: [k2.id], unit: 'Phường Tây Hồ' })],
    sheets: submitted('ja', 'jb', 'jc'),
    provisional: false,
  },
  {
    rule: 'a group with entrants and no judge to score them is missing',
    judges: [ja, judge('jf', 'Vũ Văn F', 1, { clusterIds: [k1.id] })],
    scores: everyScore([ja]),
    sheets: submitted('ja', 'jf'),
    provisional: true,
    missing: ['Cụm 2: chưa có giám khảo nào được phân công chấm 1 đội'],
  },
];

describe('rule: provisional until complete', () => {
  for (const s of scenarios) {
    it(s.rule, () => {
      const judges = s.judges ?? J;
      const round = s.round ?? perCluster;
      const results = roundResults(
        round,
        [k1, k2],
        [q1],
        s.entrants ?? entrants,
        judges,
        s.scores ?? everyScore(judges),
      );
      const c = roundCompleteness({ round, groups: results.groups, judges, sheets: s.sheets });
      expect(c.provisional).toBe(s.provisional);
      expect(c.missing.map((m) => m.message)).toEqual(s.missing ?? []);
      expect(c.excused.map((m) => m.message)).toEqual(s.excused ?? []);
      expect(c.summary).toMatch(s.provisional ? /^Kết quả tạm thời/ : /^Kết quả chính thức/);
    });
  }

  it('an award round: field panels wait only for judges who have models of their field; one group names no cluster', () => {
    const award = aRound({ stage: 'award', name: 'Đợt bình xét cấp tỉnh' });
    const models = [
      anEntrant({
        id: 'm1' as EntrantId,
        code: 'M1',
        kind: 'model',
        name: 'Mô hình “Chợ sạch”',
        field: 'Kinh tế',
        order: 0,
      }),
      anEntrant({
        id: 'm2' as EntrantId,
        code: 'M2',
        kind: 'model',
        name: 'Mô hình “Camera an ninh”',
        field: 'Quốc phòng – an ninh',
        order: 1,
      }),
    ];
    const economy = judge('jk', 'Ngô Thị Mai', 0, { fields: ['Kinh tế'] });
    const security = judge('js', 'Lý Văn Hải', 1, { fields: ['Quốc phòng – an ninh'] });
    const culture = judge('jv', 'Đào Văn Văn', 2, { fields: ['Văn hóa – xã hội'] }); // no model of this field
    const judges = [economy, security, culture];
    const scores = [
      aScore({ judgeId: economy.id, entrantId: 'm1' as EntrantId }),
      aScore({ judgeId: security.id, entrantId: 'm2' as EntrantId }),
    ];
    const results = roundResults(award, [], [q1], models, judges, scores);
    const c = roundCompleteness({
      round: award,
      groups: results.groups,
      judges,
      sheets: submitted('jk'),
    });
    expect(c.missing.map((m) => m.message)).toEqual([
      'GK2 Lý Văn Hải: chưa nộp phiếu (1/1 mô hình đã chấm đủ)',
    ]);
    expect(
      roundCompleteness({
        round: award,
        groups: results.groups,
        judges,
        sheets: submitted('jk', 'js'),
      }).provisional,
    ).toBe(false);
  });
});
