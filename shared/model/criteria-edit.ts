/**
 * Rules for changing the criteria tree once scores exist. A stored score is a count of steps, so a
 * criterion's step may not change under scores, its maximum may not drop below a score already
 * given, and a scored criterion may not be deleted. Returns Vietnamese reasons; empty = allowed.
 */
import type { Criterion, Score } from './types';
import { formatCp } from '../scoring/format';

export function criterionEditProblems(
  before: Criterion | undefined,
  after: Criterion,
  scores: readonly Score[],
): string[] {
  const problems: string[] = [];
  if (!after.name.trim()) problems.push('Tên tiêu chí không được để trống.');
  if (!Number.isInteger(after.maxCp) || after.maxCp <= 0)
    problems.push('Điểm tối đa phải lớn hơn 0.');
  if (!Number.isInteger(after.stepCp) || after.stepCp <= 0)
    problems.push('Bước điểm phải lớn hơn 0.');
  else if (after.maxCp % after.stepCp !== 0)
    problems.push(
      `Điểm tối đa ${formatCp(after.maxCp)} phải chia hết cho bước ${formatCp(after.stepCp)}.`,
    );
  if (!Number.isInteger(after.weight) || after.weight < 1)
    problems.push('Hệ số phải là số nguyên từ 1 trở lên.');
  if (!before) return problems;
  const given = scores.filter((s) => s.criterionId === before.id && s.steps !== null);
  if (given.length > 0 && after.stepCp !== before.stepCp) {
    problems.push(
      `Đã có ${given.length} điểm chấm cho “${before.name}”: không đổi được bước điểm.`,
    );
  }
  const highest = given.reduce((m, s) => Math.max(m, (s.steps ?? 0) * before.stepCp), 0);
  if (highest > after.maxCp)
    problems.push(
      `Đã có điểm ${formatCp(highest)} cho “${before.name}”: điểm tối đa không thể nhỏ hơn.`,
    );
  return problems;
}

export function criterionDeleteProblems(
  target: Criterion,
  all: readonly Criterion[],
  scores: readonly Score[],
): string[] {
  const ids = new Set<string>([target.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of all)
      if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
  }
  const n = scores.filter((s) => ids.has(s.criterionId) && s.steps !== null).length;
  return n > 0 ? [`Đã có ${n} điểm chấm thuộc “${target.name}”: không xóa được.`] : [];
}

/** Ids of a node and everything under it. */
export function subtreeIds(target: Criterion, all: readonly Criterion[]): string[] {
  const out = [target.id as string];
  for (let i = 0; i < out.length; i++)
    for (const c of all) if (c.parentId === out[i]) out.push(c.id);
  return out;
}

/** A part's maximum is the sum of its children's (weighted) maxima; recompute after edits. */
export function withPartMaxima(criteria: readonly Criterion[]): Criterion[] {
  const byParent = new Map<string | null, Criterion[]>();
  for (const c of criteria)
    (byParent.get(c.parentId) ?? byParent.set(c.parentId, []).get(c.parentId)!).push(c);
  const maxOf = (c: Criterion): number => {
    const kids = byParent.get(c.id);
    return kids?.length ? kids.reduce((s, k) => s + maxOf(k) * k.weight, 0) : c.maxCp;
  };
  return criteria.map((c) => (byParent.get(c.id)?.length ? { ...c, maxCp: maxOf(c) } : c));
}
