import { describe, expect, it } from 'vitest';
import {
  criterionDeleteProblems,
  criterionEditProblems,
  withPartMaxima,
} from '@shared/model/criteria-edit';
import { duplicateForYear } from '@shared/templates/duplicate';
import { instantiateTemplate } from '@shared/templates/templates';
import type { CriterionId } from '@shared/model/types';
import { aCriterion, aScore } from '../support/builders';

describe('criteria edits keep stored scores meaningful', () => {
  const c = aCriterion({ maxCp: 1000, stepCp: 50 });
  it.each([
    ['step change under scores is refused', { stepCp: 25 }, [aScore({ steps: 17 })], /bước điểm/],
    [
      'max below a given score is refused',
      { maxCp: 800 },
      [aScore({ steps: 17 })],
      /không thể nhỏ hơn/,
    ],
    ['max off the step is refused', { maxCp: 1010 }, [], /chia hết/],
    ['empty name is refused', { name: ' ' }, [], /không được để trống/],
    ['weight below 1 is refused', { weight: 0 }, [], /Hệ số/],
  ])('%s', (_rule, change, scores, message) => {
    expect(criterionEditProblems(c, { ...c, ...change }, scores).join(' ')).toMatch(message);
  });

  it.each([
    ['step change without scores is allowed', { stepCp: 25 }, []],
    ['raising the max under scores is allowed', { maxCp: 2000 }, [aScore({ steps: 17 })]],
    ['a cleared score does not block', { stepCp: 25 }, [aScore({ steps: null })]],
  ])('%s', (_rule, change, scores) => {
    expect(criterionEditProblems(c, { ...c, ...change }, scores)).toEqual([]);
  });

  it('a part with a scored criterion under it cannot be deleted', () => {
    const part = aCriterion({ id: 'p' as CriterionId, name: 'Tiểu phẩm' });
    const leaf = aCriterion({ id: 'q1' as CriterionId, parentId: part.id });
    expect(
      criterionDeleteProblems(part, [part, leaf], [aScore({ criterionId: leaf.id, steps: 3 })])[0],
    ).toMatch(/không xóa được/);
    expect(criterionDeleteProblems(part, [part, leaf], [])).toEqual([]);
  });

  it('a part’s maximum is the weighted sum of its children', () => {
    const part = aCriterion({ id: 'p' as CriterionId, maxCp: 0 });
    const a = aCriterion({ id: 'a' as CriterionId, parentId: part.id, maxCp: 2000 });
    const b = aCriterion({ id: 'b' as CriterionId, parentId: part.id, maxCp: 1000, weight: 2 });
    expect(withPartMaxima([part, a, b]).find((x) => x.id === 'p')?.maxCp).toBe(4000);
  });
});

describe('duplicate as next year’s contest', () => {
  let n = 0;
  const ids = () => `n${++n}`;
  const src = instantiateTemplate('hoi-thi', {
    newId: () => `o${++n}`,
    now: '2025-01-01T00:00:00Z',
    year: 2025,
  });
  const bundle = { ...src, judges: [], entrants: [] };
  const dup = duplicateForYear(bundle, 2026, ids, '2026-01-01T00:00:00Z');
  it('renames the year, keeps structure, gives every record a new id', () => {
    expect(dup.contest.name).toBe('Hội thi “Dân vận khéo” năm 2026');
    expect(dup.rounds).toHaveLength(src.rounds.length);
    expect(dup.criteria).toHaveLength(src.criteria.length);
    const oldIds = new Set(
      [...src.rounds, ...src.clusters, ...src.criteria].map((x) => x.id as string),
    );
    expect([...dup.rounds, ...dup.clusters, ...dup.criteria].some((x) => oldIds.has(x.id))).toBe(
      false,
    );
  });
  it('re-links parents and rounds to the new ids', () => {
    const ids2 = new Set(dup.criteria.map((c) => c.id as string));
    expect(dup.criteria.every((c) => c.parentId === null || ids2.has(c.parentId))).toBe(true);
    const rounds = new Set(dup.rounds.map((r) => r.id as string));
    expect([...dup.criteria, ...dup.clusters].every((x) => rounds.has(x.roundId))).toBe(true);
  });
});
