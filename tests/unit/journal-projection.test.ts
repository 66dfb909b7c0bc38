import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seal } from '@shared/journal/event';
import { diffScores, project, resolutionTemplate } from '@shared/journal/projection';
import type { Score } from '@shared/model/types';
import { aDevice, aJournal, BASE, ref, shuffledWithDuplicates } from './journal-builders';

const score = (p: ReturnType<typeof project>, over: Partial<Score> = {}) =>
  p.scores.find(
    (s) =>
      s.judgeId === (over.judgeId ?? 'j1') &&
      s.entrantId === (over.entrantId ?? 'e1') &&
      s.criterionId === (over.criterionId ?? 'k1'),
  );

describe('projection: properties', () => {
  it('for random event sequences across devices, the projection is the same for any order and any duplication', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        aJournal().chain((events) => fc.tuple(fc.constant(events), shuffledWithDuplicates(events))),
        ([events, reordered]) => {
          expect(project(reordered)).toEqual(project(events));
          compared++;
        },
      ),
      { numRuns: 300 },
    );
    console.log(`projection order/duplication: ${compared} journals compared, differences 0`);
  });

  it('a forked key never makes the result depend on arrival order', () => {
    fc.assert(
      fc.property(
        aJournal({ maxPerDevice: 6 }).filter((es) => es.length > 0),
        fc.nat(),
        fc.integer({ min: 0, max: 4 }),
        (events, pick, steps) => {
          const victim = events[pick % events.length];
          const twin = seal(
            { ...victim, steps: victim.steps === steps ? steps + 1 : steps },
            victim.deviceId,
            victim.seq,
            victim.prev,
          );
          const a = project([...events, twin]);
          const b = project([twin, ...[...events].reverse()]);
          expect(a).toEqual(b);
          expect(a.forks.map((f) => `${f.deviceId}#${f.seq}`)).toEqual([ref(victim)]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('projection: rules', () => {
  it('within one device, the higher seq wins', () => {
    const a = aDevice('A');
    const e1 = a.emit({ steps: 5 });
    const e2 = a.emit({ kind: 'edit', steps: 7 });
    expect(score(project([e2, e1]))?.steps).toBe(7);
  });

  it('clear leaves the cell explicitly empty (steps null)', () => {
    const a = aDevice('A');
    a.emit({ steps: 5 });
    a.emit({ kind: 'clear', steps: null });
    expect(score(project(a.events))).toEqual({
      roundId: 'r1',
      judgeId: 'j1',
      entrantId: 'e1',
      criterionId: 'k1',
      steps: null,
    });
  });

  it('two devices disagree on a cell → conflict, not last-writer-wins', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    a.emit({ steps: 5, at: '2025-05-12T09:00:00+07:00' });
    b.emit({ steps: 6, at: '2025-05-12T10:00:00+07:00' }); // later clock and "bigger" device id: still decide nothing
    const p = project([...a.events, ...b.events]);
    expect(score(p)).toBeUndefined();
    expect(p.conflicts).toHaveLength(1);
    expect(p.conflicts[0].candidates.map((c) => [c.ref, c.value])).toEqual([
      ['A#1', 5],
      ['B#1', 6],
    ]);
    expect(p.conflicts[0].message).toContain('Cần người có thẩm quyền quyết định');
  });

  it('two devices agree on a cell → no conflict', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    a.emit({ steps: 5 });
    b.emit({ steps: 5 });
    const p = project([...a.events, ...b.events]);
    expect(p.conflicts).toEqual([]);
    expect(score(p)?.steps).toBe(5);
  });

  it('a decision with settles and a reason resolves the conflict', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    const h = aDevice('H');
    a.emit({ steps: 5 });
    b.emit({ steps: 6 });
    const conflict = project([...a.events, ...b.events]).conflicts[0];
    h.emit(
      resolutionTemplate(conflict, 6, {
        contestId: 'c1',
        by: { role: 'head', name: 'Trưởng ban' },
        at: '2025-05-12T11:00:00+07:00',
        reason: 'Theo phiếu giấy có chữ ký',
      }),
    );
    const p = project([...a.events, ...b.events, ...h.events]);
    expect(p.conflicts).toEqual([]);
    expect(score(p)?.steps).toBe(6);
    expect(p.issues).toEqual([]);
  });

  it('a decision without a reason is refused', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    a.emit({ steps: 5 });
    b.emit({ steps: 6 });
    const h = aDevice('H');
    const d = h.emit({ kind: 'edit', steps: 6, settles: ['A#1', 'B#1'], reason: '  ' });
    const p = project([...a.events, ...b.events, ...h.events]);
    expect(p.issues.map((i) => [i.ref, i.code])).toEqual([[ref(d), 'reasonRequired']]);
    expect(p.conflicts).toHaveLength(1);
  });

  it('a later disagreeing change on another device re-opens the conflict after a decision', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    a.emit({ steps: 5 });
    b.emit({ steps: 6 });
    const h = aDevice('H');
    h.emit({ kind: 'edit', steps: 6, settles: ['A#1', 'B#1'], reason: 'Theo phiếu giấy' });
    a.emit({ kind: 'edit', steps: 4 }); // A#2: not seen by the decision
    const p = project([...a.events, ...b.events, ...h.events]);
    expect(p.conflicts).toHaveLength(1);
    expect(p.conflicts[0].candidates.map((c) => c.ref)).toEqual(['A#2', 'H#1']);
  });

  it('the device that decided may change the cell again later, with no conflict', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    a.emit({ steps: 5 });
    b.emit({ steps: 6 });
    b.emit({ kind: 'edit', steps: 5, settles: ['A#1'], reason: 'Thống nhất với máy A' });
    b.emit({ kind: 'edit', steps: 3 });
    expect(score(project([...a.events, ...b.events]))?.steps).toBe(3);
  });

  it('settles naming the device itself at or after its own seq is refused', () => {
    const a = aDevice('A');
    const e = a.emit({ steps: 5, settles: ['A#1'], reason: 'vòng lặp' });
    expect(project(a.events).issues.map((i) => [i.ref, i.code])).toEqual([[ref(e), 'badSettles']]);
  });

  it('double-key mismatch listed', () => {
    const s1 = aDevice('S1');
    const s2 = aDevice('S2');
    s1.emit({ pass: 1, steps: 7, by: { role: 'secretary', name: 'Thư ký 1' } });
    s2.emit({ pass: 2, steps: 8, by: { role: 'secretary', name: 'Thư ký 2' } });
    const p = project([...s1.events, ...s2.events]);
    expect(p.mismatches).toHaveLength(1);
    expect(p.mismatches[0]).toMatchObject({
      pass1: { kind: 'value', steps: 7 },
      pass2: { kind: 'value', steps: 8 },
      state: 'mismatch',
      decided: false,
    });
    expect(p.scores).toEqual([]); // passes alone never set the official score
  });

  it('double-key match is not official until a verifyConfirm', () => {
    const s1 = aDevice('S1');
    s1.emit({ pass: 1, steps: 7 });
    s1.emit({ pass: 2, steps: 7 });
    let p = project(s1.events);
    expect(p.doubleKey[0]).toMatchObject({ state: 'match', decided: false });
    expect(p.scores).toEqual([]);
    s1.emit({ kind: 'verifyConfirm', steps: 7 });
    p = project(s1.events);
    expect(p.doubleKey[0]).toMatchObject({ state: 'match', decided: true });
    expect(score(p)?.steps).toBe(7);
  });

  it('a verifyConfirm that saw both passes (settles) decides the mismatch', () => {
    const s1 = aDevice('S1');
    const s2 = aDevice('S2');
    const p1 = s1.emit({ pass: 1, steps: 7 });
    const p2 = s2.emit({ pass: 2, steps: 8 });
    s1.emit({
      kind: 'verifyConfirm',
      steps: 8,
      settles: [ref(p2)],
      reason: 'Đối chiếu phiếu giấy',
    });
    const p = project([...s1.events, ...s2.events]);
    expect(p.mismatches).toEqual([]);
    expect(p.doubleKey[0].decided).toBe(true);
    expect(score(p)?.steps).toBe(8);
    void p1;
  });

  it('retyping a pass after a verifyReject re-opens the double-key question', () => {
    const s1 = aDevice('S1');
    s1.emit({ pass: 1, steps: 7 });
    s1.emit({ pass: 2, steps: 8 });
    s1.emit({ kind: 'verifyReject', steps: null, reason: 'Nhập lại' });
    let p = project(s1.events);
    expect(p.mismatches).toEqual([]);
    expect(score(p)?.steps).toBeNull(); // rejected: no official value
    s1.emit({ kind: 'edit', pass: 2, steps: 9 });
    p = project(s1.events);
    expect(p.mismatches).toHaveLength(1);
  });

  it('reopen needs a reason', () => {
    const j = aDevice('J');
    j.emit({ kind: 'submit', entrantId: null, criterionId: null, steps: null });
    const bad = j.emit({
      kind: 'reopen',
      entrantId: null,
      criterionId: null,
      steps: null,
      reason: null,
      by: { role: 'head', name: 'Trưởng ban' },
    });
    let p = project(j.events);
    expect(p.sheets).toEqual([
      { roundId: 'r1', judgeId: 'j1', entrantId: null, pass: null, state: 'submitted' },
    ]);
    expect(p.issues.map((i) => [i.ref, i.code])).toEqual([[ref(bad), 'reasonRequired']]);
    j.emit({
      kind: 'reopen',
      entrantId: null,
      criterionId: null,
      steps: null,
      reason: 'Giám khảo xin sửa điểm',
    });
    p = project(j.events);
    expect(p.sheets[0].state).toBe('reopened');
  });

  it('a reopen on another device that names the submit decides the sheet without a conflict', () => {
    const j = aDevice('J');
    const h = aDevice('H');
    const sub = j.emit({ kind: 'submit', entrantId: null, criterionId: null, steps: null });
    h.emit({
      kind: 'reopen',
      entrantId: null,
      criterionId: null,
      steps: null,
      reason: 'Sai tiêu chí 2',
      settles: [ref(sub)],
    });
    const p = project([...j.events, ...h.events]);
    expect(p.conflicts).toEqual([]);
    expect(p.sheets[0].state).toBe('reopened');
  });

  it('after a lock on the same device, edit is refused and amend with a reason is accepted', () => {
    const h = aDevice('H');
    h.emit({ steps: 5 });
    h.emit({ kind: 'lock', judgeId: null, entrantId: null, criterionId: null, steps: null });
    const edit = h.emit({ kind: 'edit', steps: 6 });
    let p = project(h.events);
    expect(score(p)?.steps).toBe(5);
    expect(p.issues.map((i) => [i.ref, i.code])).toEqual([[ref(edit), 'editAfterLock']]);
    expect(p.lockedRounds.map((l) => l.roundId)).toEqual(['r1']);
    h.emit({ kind: 'amend', steps: 6, reason: 'Quyết định của hội đồng' });
    p = project(h.events);
    expect(score(p)?.steps).toBe(6);
  });

  it('amend needs a reason', () => {
    const h = aDevice('H');
    const e = h.emit({ kind: 'amend', steps: 6, reason: null });
    const p = project(h.events);
    expect(p.scores).toEqual([]);
    expect(p.issues.map((i) => i.code)).toEqual(['reasonRequired']);
    void e;
  });

  it('a lock is permanent and listed once, whichever device locked first', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    a.emit({ kind: 'lock', judgeId: null, entrantId: null, criterionId: null, steps: null });
    b.emit({ kind: 'lock', judgeId: null, entrantId: null, criterionId: null, steps: null });
    expect(project([...b.events, ...a.events]).lockedRounds.map((l) => l.ref)).toEqual(['A#1']);
  });

  it('penalties, objective scores and tie-break scores are projected; a penalty needs a reason', () => {
    const s = aDevice('S');
    s.emit({
      kind: 'penalty',
      judgeId: null,
      criterionId: null,
      steps: 50,
      reason: 'Quá giờ 30 giây',
    });
    s.emit({ kind: 'objective', judgeId: null, criterionId: 'k9', steps: 12 });
    s.emit({
      kind: 'tieBreak',
      judgeId: null,
      criterionId: null,
      steps: 300,
      reason: 'Câu hỏi phụ',
    });
    const noWhy = s.emit({
      kind: 'penalty',
      judgeId: null,
      entrantId: 'e2',
      criterionId: null,
      steps: 25,
      reason: null,
    });
    const p = project(s.events);
    expect(p.penalties).toEqual([
      { roundId: 'r1', entrantId: 'e1', criterionId: null, cp: 50, reason: 'Quá giờ 30 giây' },
    ]);
    expect(p.objectives).toEqual([
      { roundId: 'r1', entrantId: 'e1', criterionId: 'k9', steps: 12 },
    ]);
    expect(p.tieBreaks).toEqual([{ roundId: 'r1', entrantId: 'e1', judgeId: null, steps: 300 }]);
    expect(p.issues.map((i) => [i.ref, i.code])).toEqual([[ref(noWhy), 'reasonRequired']]);
  });

  it('an event missing the cell it is about is refused', () => {
    const a = aDevice('A');
    a.emit({ criterionId: null });
    expect(project(a.events).issues.map((i) => i.code)).toEqual(['missingField']);
  });

  it('negative steps are refused', () => {
    const a = aDevice('A');
    a.emit({ steps: -1 });
    expect(project(a.events).issues.map((i) => i.code)).toEqual(['negativeSteps']);
  });

  it('a forked key is left out and reported', () => {
    const a = aDevice('A');
    const e = a.emit({ steps: 5 });
    const twin = seal({ ...BASE, steps: 9 }, 'A', 1, e.prev);
    const p = project([e, twin]);
    expect(p.scores).toEqual([]);
    expect(p.forks).toHaveLength(1);
    expect(p.forks[0].message).toContain('rẽ nhánh');
  });

  it('the database-vs-journal check lists every differing cell', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    a.emit({ steps: 5 });
    a.emit({ criterionId: 'k2', steps: 3 });
    a.emit({ entrantId: 'e2', steps: 1 });
    b.emit({ entrantId: 'e2', steps: 2 });
    const p = project([...a.events, ...b.events]);
    const db: Score[] = [
      { ...cell('k1'), steps: 5 }, // same
      { ...cell('k2'), steps: 4 }, // differs
      { ...cell('k3'), steps: 1 }, // only in db
      { ...cell('k1', 'e2'), steps: 2 }, // journal has a conflict
    ];
    const diff = diffScores(db, p);
    expect(diff.map((d) => [d.criterionId, d.entrantId, d.db, d.journal, d.conflict])).toEqual([
      ['k2', 'e1', 4, 3, false],
      ['k3', 'e1', 1, undefined, false],
      ['k1', 'e2', 2, undefined, true],
    ]);
    expect(diff[0].message).toBe(
      'Giám khảo “j1”, thí sinh/mô hình “e1”, tiêu chí “k2”: cơ sở dữ liệu ghi 4, sổ điểm ghi 3.',
    );
  });
});

function cell(criterionId: string, entrantId = 'e1'): Omit<Score, 'steps'> {
  return { roundId: 'r1', judgeId: 'j1', entrantId, criterionId } as Omit<Score, 'steps'>;
}
