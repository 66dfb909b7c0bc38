/** What a confirmed import writes (shared/setup/import-rows.ts): ids, orders, and what updates keep. */
import { describe, expect, it } from 'vitest';
import type { ContestBundle } from '@shared/model/bundle';
import {
  criteriaToRecords,
  existingEntrants,
  existingJudges,
  type CriterionRecord,
  type EntrantRecord,
  type JudgeRecord,
  type UpsertPlan,
} from '@shared/import';
import type { ClusterId, CriterionId, EntrantId, JudgeId, RoundId } from '@shared/model/types';
import { criterionRows, entrantRows, judgeRows } from '@shared/setup/import-rows';
import { aCluster, aContest, aCriterion, aJudge, anEntrant, aRound } from '../support/builders';

const round = aRound();
const ids = () => {
  let n = 0;
  return () => `new${++n}`;
};
const bundle = (over: Partial<ContestBundle> = {}): ContestBundle => ({
  contest: aContest(),
  rounds: [round],
  clusters: [aCluster()],
  criteria: [],
  judges: [],
  entrants: [],
  ...over,
});
const plan = <R>(over: Partial<UpsertPlan<R>>): UpsertPlan<R> => ({
  create: [],
  update: [],
  unchanged: [],
  absent: [],
  ...over,
});
const hasUndefinedValue = (r: object) => Object.values(r).some((v) => v === undefined);

describe('rows written by a confirmed import', () => {
  const stored = anEntrant({
    id: 'e1' as EntrantId,
    code: 'D001',
    order: 4,
    rubric: 'tap-the',
    sourceEntrantId: 'e0' as EntrantId,
    field: 'Văn hóa',
    area: 'đô thị',
  });
  const b = bundle({
    entrants: [stored, anEntrant({ id: 'x' as EntrantId, roundId: 'other' as RoundId, order: 99 })],
  });
  const record = existingEntrants([stored], b.clusters)[0].record;

  it('an updated entrant keeps its id, order, rubric and origin; a field the file leaves empty is removed, not undefined', () => {
    const edited: EntrantRecord = { ...record, name: 'Đội Phường Hàng Bạc', field: null };
    const [row] = entrantRows(
      round,
      b,
      plan({ update: [{ id: 'e1', row: 2, record: edited, before: record, changes: [] }] }),
      ids(),
    );
    expect(row).toMatchObject({
      id: 'e1',
      order: 4,
      rubric: 'tap-the',
      sourceEntrantId: 'e0',
      name: 'Đội Phường Hàng Bạc',
      area: 'đô thị',
    });
    expect('field' in row).toBe(false);
    expect(hasUndefinedValue(row)).toBe(false);
  });

  it("new entrants get fresh ids and orders after the round's highest (other rounds do not count)", () => {
    const rows = entrantRows(
      round,
      b,
      plan({
        create: [
          { row: 3, record: { ...record, code: 'D002' }, existing: false },
          { row: 4, record: { ...record, code: 'D003' }, existing: false },
        ],
      }),
      ids(),
    );
    expect(rows.map((r) => [r.id, r.order, r.roundId])).toEqual([
      ['new1', 5, 'r1'],
      ['new2', 6, 'r1'],
    ]);
    expect(rows.some(hasUndefinedValue)).toBe(false);
  });

  it('an update naming an entrant the round does not have is a bug, not a half-written record', () => {
    expect(() =>
      entrantRows(
        round,
        b,
        plan({ update: [{ id: 'x', row: 2, record, before: record, changes: [] }] }),
        ids(),
      ),
    ).toThrow();
  });

  it('an updated judge keeps the PIN and rounds the file does not carry', () => {
    const judge = aJudge({
      id: 'j1' as JudgeId,
      order: 2,
      pinHash: 'ab'.repeat(32),
      roundIds: ['r1' as RoundId],
    });
    const jb = bundle({ judges: [judge] });
    const rec: JudgeRecord = {
      ...existingJudges([judge], jb.clusters)[0].record,
      title: 'Trưởng ban',
      clusterIds: ['k1' as ClusterId],
    };
    const rows = judgeRows(
      jb.contest.id,
      jb,
      plan({
        update: [{ id: 'j1', row: 2, record: rec, before: rec, changes: [] }],
        create: [{ row: 3, record: { ...rec, name: 'Trần Văn Minh' }, existing: false }],
      }),
      ids(),
    );
    expect(rows[0]).toMatchObject({
      id: 'j1',
      order: 2,
      pinHash: judge.pinHash,
      roundIds: ['r1'],
      title: 'Trưởng ban',
      clusterIds: ['k1'],
    });
    expect(rows[1]).toMatchObject({ id: 'new1', order: 3, name: 'Trần Văn Minh', contestId: 'c1' });
  });

  it('criteria: a new part is written first and its new criteria link to its new id; an update keeps its rubric scope', () => {
    const part = aCriterion({
      id: 'p1' as CriterionId,
      name: 'Chào hỏi',
      maxCp: 0,
      order: 0,
      appliesTo: ['tap-the'],
    });
    const cb = bundle({ criteria: [part] });
    const storedPart = criteriaToRecords(cb.criteria)[0].record;
    const newPart: CriterionRecord = {
      code: 'x',
      part: null,
      name: 'Tiểu phẩm',
      maxCp: null,
      stepCp: 50,
      weight: 1,
      order: 1,
      objective: false,
      description: null,
    };
    const leaf: CriterionRecord = {
      code: 'y',
      part: 'Tiểu phẩm',
      name: 'Nội dung',
      maxCp: 1000,
      stepCp: 50,
      weight: 1,
      order: 0,
      objective: false,
      description: null,
    };
    const rows = criterionRows(
      round,
      cb,
      plan({
        update: [
          {
            id: 'p1',
            row: 2,
            record: { ...storedPart, order: 3 },
            before: storedPart,
            changes: [],
          },
        ],
        create: [
          { row: 4, record: leaf, existing: false },
          { row: 3, record: newPart, existing: false },
        ],
      }),
      ids(),
    );
    expect(rows.map((r) => [r.id, r.name, r.parentId])).toEqual([
      ['p1', 'Chào hỏi', null],
      ['new1', 'Tiểu phẩm', null],
      ['new2', 'Nội dung', 'new1'],
    ]);
    expect(rows[0]).toMatchObject({ order: 3, appliesTo: ['tap-the'] });
    expect(rows.some((r) => hasUndefinedValue(r) || 'objective' in r || 'description' in r)).toBe(
      false,
    );
  });
});
