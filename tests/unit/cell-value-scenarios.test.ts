/**
 * One rule for the official value of a cell, one table of named scenarios run against every path
 * that computes it: the projection (project → tally), the device's database copy (scoreFromEvent,
 * applied as each event is recorded) and the independent recount from the journal alone
 * (recountFromJournal). Each scenario says the entrant's expected result and whether a cell is left
 * undecided; all paths must agree with it.
 */
import { describe, expect, it } from 'vitest';
import { scoreFromEvent } from '../../renderer/src/db/repos/journal-repo';
import { buildExclusion } from '@shared/awards/exclusion';
import type { JournalEvent, UnsealedEvent } from '@shared/journal/event';
import { project } from '@shared/journal/projection';
import { recountFromJournal } from '@shared/journal/recount-journal';
import { setupEvent, type AnySetupRecord, type SetupEntity } from '@shared/journal/setup-event';
import { projectSetup } from '@shared/journal/setup-projection';
import { scoreKey, type Score } from '@shared/model/types';
import { tally } from '@shared/tally/tally';
import { aContest, aCriterion, aJudge, aRound, anEntrant } from '../support/builders';
import { aDevice, ref } from './journal-builders';

const meta = {
  contestId: 'c1',
  by: { role: 'secretary' as const, name: '' },
  at: '2026-11-23T08:00:00.000Z',
};
const put = (entity: SetupEntity, r: AnySetupRecord) => setupEvent(entity, undefined, r, meta);
const cell = (judgeId: string, o: Partial<UnsealedEvent> = {}): UnsealedEvent => ({
  ...meta,
  v: 1,
  roundId: 'r1',
  judgeId,
  entrantId: 'e1',
  criterionId: 'q1',
  kind: 'enter',
  steps: 10,
  pass: null,
  reason: null,
  ...o,
});
const lock: UnsealedEvent = {
  ...cell('j1'),
  judgeId: null,
  entrantId: null,
  criterionId: null,
  kind: 'lock',
  steps: null,
  by: { role: 'head', name: 'Trưởng ban' },
  reason: 'Ký xác nhận',
};

/** Setup on device S: a 20-point criterion with step 0,5 (10 steps = 5 points = 500 cp), two judges, one team. */
function setup(over: { j2?: Partial<ReturnType<typeof aJudge>> } = {}) {
  const s = aDevice('S');
  s.emit(put('contest', aContest()));
  s.emit(put('round', aRound()));
  s.emit(put('criterion', aCriterion({ maxCp: 2000, stepCp: 50 })));
  s.emit(put('judge', aJudge({ id: 'j1' as never, unit: 'Quận Ba Đình' })));
  s.emit(put('judge', aJudge({ id: 'j2' as never, unit: 'Quận Tây Hồ', order: 1, ...over.j2 })));
  s.emit(put('entrant', anEntrant({ unit: 'Phường Hoàn Kiếm' })));
  return s;
}

interface Scenario {
  readonly name: string;
  /** Device S holds the setup; A and B are entry devices. Returns every event. */
  readonly build: (d: {
    S: ReturnType<typeof aDevice>;
    A: ReturnType<typeof aDevice>;
    B: ReturnType<typeof aDevice>;
  }) => void;
  readonly setup?: Parameters<typeof setup>[0];
  /** e1's result in centipoints (null: none). */
  readonly resultCp: number | null;
  readonly undecided: boolean;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'direct entry: the mean of both judges',
    build: ({ A }) => {
      A.emit(cell('j1'));
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 600,
    undecided: false,
  },
  {
    name: 'an edit replaces the value',
    build: ({ A }) => {
      A.emit(cell('j1'));
      A.emit(cell('j1', { kind: 'edit', steps: 12 }));
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 650,
    undecided: false,
  },
  {
    name: 'a cleared cell leaves that judge out (never a zero)',
    build: ({ A }) => {
      A.emit(cell('j1'));
      A.emit(cell('j1', { kind: 'clear', steps: null }));
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 700,
    undecided: false,
  },
  {
    name: 'double-key: pass entries alone do not count',
    build: ({ A }) => {
      A.emit(cell('j1', { pass: 1 }));
      A.emit(cell('j1', { pass: 2 }));
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 700,
    undecided: false,
  },
  {
    name: 'double-key: a confirmation sets the value',
    build: ({ A }) => {
      A.emit(cell('j1', { pass: 1 }));
      A.emit(cell('j1', { pass: 2 }));
      A.emit(cell('j1', { kind: 'verifyConfirm' }));
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 600,
    undecided: false,
  },
  {
    name: 'double-key: a rejection leaves no value',
    build: ({ A }) => {
      A.emit(cell('j1', { pass: 1 }));
      A.emit(cell('j1', { pass: 2, steps: 11 }));
      A.emit(cell('j1', { kind: 'verifyReject', steps: null }));
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 700,
    undecided: false,
  },
  {
    name: 'two devices in conflict: the cell is undecided',
    build: ({ A, B }) => {
      A.emit(cell('j1'));
      B.emit(cell('j1', { steps: 12 }));
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 700,
    undecided: true,
  },
  {
    name: 'two devices agreeing: no conflict',
    build: ({ A, B }) => {
      A.emit(cell('j1'));
      B.emit(cell('j1'));
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 600,
    undecided: false,
  },
  {
    name: 'a settled conflict takes the decided value',
    build: ({ A, B }) => {
      const a = A.emit(cell('j1'));
      const b = B.emit(cell('j1', { steps: 12 }));
      A.emit(
        cell('j1', {
          kind: 'edit',
          steps: 12,
          settles: [ref(a), ref(b)],
          reason: 'Theo phiếu giấy',
        }),
      );
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 650,
    undecided: false,
  },
  {
    name: 'a settlement without a reason is ignored',
    build: ({ A, B }) => {
      const a = A.emit(cell('j1'));
      const b = B.emit(cell('j1', { steps: 12 }));
      A.emit(cell('j1', { kind: 'edit', steps: 12, settles: [ref(a), ref(b)] }));
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 700,
    undecided: true,
  },
  {
    name: 'after a lock an edit is refused',
    build: ({ A }) => {
      A.emit(cell('j1'));
      A.emit(cell('j2', { steps: 14 }));
      A.emit(lock);
      A.emit(cell('j1', { kind: 'edit', steps: 20 }));
    },
    resultCp: 600,
    undecided: false,
  },
  {
    name: 'after a lock an amendment with a reason counts',
    build: ({ A }) => {
      A.emit(cell('j1'));
      A.emit(cell('j2', { steps: 14 }));
      A.emit(lock);
      A.emit(cell('j1', { kind: 'amend', steps: 20, reason: 'Cộng sót điểm' }));
    },
    resultCp: 850,
    undecided: false,
  },
  {
    name: 'an amendment without a reason is ignored',
    build: ({ A }) => {
      A.emit(cell('j1'));
      A.emit(cell('j2', { steps: 14 }));
      A.emit(lock);
      A.emit(cell('j1', { kind: 'amend', steps: 20 }));
    },
    resultCp: 600,
    undecided: false,
  },
  {
    name: 'exclusion: a judge of the entrant’s own unit does not count',
    setup: { j2: { unit: 'phuong hoan kiem' } },
    build: ({ A }) => {
      A.emit(cell('j1'));
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 500,
    undecided: false,
  },
  {
    name: 'absence: a judge who never scored is left out',
    build: ({ A }) => {
      A.emit(cell('j1'));
    },
    resultCp: 500,
    undecided: false,
  },
  {
    name: 'a judge of another round does not count',
    setup: { j2: { roundIds: ['r2' as never] } },
    build: ({ A }) => {
      A.emit(cell('j1'));
      A.emit(cell('j2', { steps: 14 }));
    },
    resultCp: 500,
    undecided: false,
  },
  {
    name: 'a removed judge does not count (removal recorded with a reason)',
    build: ({ S, A }) => {
      A.emit(cell('j1'));
      A.emit(cell('j2', { steps: 14 }));
      S.emit(
        setupEvent('judge', aJudge({ id: 'j2' as never }), null, {
          ...meta,
          reason: 'Giám khảo rút khỏi hội đồng',
        }),
      );
    },
    resultCp: 500,
    undecided: false,
  },
];

const cp = (x: { n: number; d: number } | null | undefined) => (x ? x.n / x.d : null);

describe('one rule for the official value of a cell: projection, database copy and recount agree', () => {
  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const S = setup(s.setup);
    const A = aDevice('A');
    const B = aDevice('B');
    s.build({ S, A, B });
    const events: JournalEvent[] = [...S.events, ...A.events, ...B.events];

    // The app's path: projections → tally.
    const bundle = projectSetup(events, 'c1').bundle!;
    const p = project(events);
    const round = bundle.rounds[0];
    const panel = bundle.judges.filter((j) => !j.roundIds?.length || j.roundIds.includes(round.id));
    const t = tally({
      round,
      criteria: bundle.criteria,
      entrants: bundle.entrants,
      judges: panel,
      scores: p.scores,
      excluded: buildExclusion(),
    });
    expect(cp(t.results[0].result)).toBe(s.resultCp);
    expect(p.conflicts.some((c) => c.scope === 'score')).toBe(s.undecided);

    // The independent recount from the journal alone.
    const rc = recountFromJournal(events, 'c1', 'r1');
    if (!rc.ok) throw new Error(rc.why.join('; '));
    expect(cp(rc.recount.entrants[0].totalCp)).toBe(s.resultCp);
    expect(rc.recount.undecidedCells > 0).toBe(s.undecided);

    // The database copy: one device applying its own events as it records them (the grid's path).
    if (B.events.length === 0) {
      const copy = new Map<string, Score>();
      for (const e of A.events) {
        if (p.issues.some((i) => i.ref === ref(e))) continue; // refused events are never recorded by the app (the UI writes amendments after a lock)
        const sc = scoreFromEvent(e);
        if (sc) copy.set(scoreKey(sc), sc);
      }
      const official = new Map(p.scores.map((x) => [scoreKey(x), x]));
      expect([...copy.entries()].sort()).toEqual([...official.entries()].sort());
    }
  });
});
