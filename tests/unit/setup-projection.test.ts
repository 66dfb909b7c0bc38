/**
 * Rules of the setup projection (shared/journal/setup-projection.ts): the current setup of a
 * contest from its journal alone — records, removals, conflicts between devices, locks and board
 * decisions — and the form setup events take (shared/journal/setup-event.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  hashEvent,
  journalEventSchema,
  type UnsealedEvent,
} from '@shared/journal/event';
import {
  decisionEvent,
  setupChanged,
  setupEvent,
  type AnySetupRecord,
  type SetupEntity,
} from '@shared/journal/setup-event';
import { projectSetup } from '@shared/journal/setup-projection';
import { verifyLines } from '@shared/journal/verify';
import { aContest, aCriterion, aJudge, aRound, anEntrant } from '../support/builders';
import { aDevice, BASE, ref } from './journal-builders';

const meta = {
  contestId: 'c1',
  by: { role: 'secretary' as const, name: 'Thư ký' },
  at: '2026-11-23T08:00:00.000Z',
};
const put = (entity: SetupEntity, after: AnySetupRecord, reason?: string): UnsealedEvent =>
  setupEvent(entity, undefined, after, { ...meta, reason });
const remove = (entity: SetupEntity, before: AnySetupRecord, reason?: string): UnsealedEvent =>
  setupEvent(entity, before, null, { ...meta, reason });
const basics = () => [
  put('contest', aContest()),
  put('round', aRound()),
  put('criterion', aCriterion()),
  put('judge', aJudge()),
  put('entrant', anEntrant()),
];

describe('setup events: their form', () => {
  it('a record is written with sorted keys, so its hash does not depend on field order', () => {
    const a = setupEvent('judge', undefined, aJudge({ name: 'A', unit: 'U' }), meta);
    const reversed = Object.fromEntries(
      Object.entries(aJudge({ name: 'A', unit: 'U' })).reverse(),
    ) as AnySetupRecord;
    const b = setupEvent('judge', undefined, reversed, meta);
    const d = aDevice('D');
    const [x] = [d.emit(a)];
    const y = { ...x, data: b.data };
    expect(hashEvent(y)).toBe(x.hash);
    expect(canonicalJson(y)).toBe(canonicalJson(x));
  });

  it('a sealed setup event passes the schema and the strict line check', () => {
    const d = aDevice('D');
    for (const u of basics()) d.emit(u);
    for (const e of d.events) expect(journalEventSchema.safeParse(e).success).toBe(true);
    const check = verifyLines(
      d.events.map((e) => canonicalJson(e)),
      { contestId: 'c1' },
    );
    expect(check.ok).toBe(true);
    expect(check.events).toBe(5);
  });

  it('a round is journalled without its derived lock and decisions', () => {
    const e = put('round', aRound({ locked: true, decisions: { prizeOverrides: [] } }));
    expect((e.data as { record: Record<string, unknown> }).record).not.toHaveProperty('locked');
    expect((e.data as { record: Record<string, unknown> }).record).not.toHaveProperty('decisions');
  });

  it.each([
    ['same record', aJudge(), aJudge(), false],
    ['same record, fields in another order', aJudge(), { ...aJudge(), id: aJudge().id }, false],
    [
      'an undefined optional field is no change',
      aJudge(),
      { ...aJudge(), pinHash: undefined },
      false,
    ],
    ['a changed name', aJudge(), aJudge({ name: 'Khác' }), true],
    ['removed', aJudge(), null, true],
  ] as const)('a save that changes nothing writes nothing: %s', (_name, before, after, changed) => {
    expect(setupChanged('judge', before, after)).toBe(changed);
  });

  it('a round whose only difference is its lock or decisions is unchanged (they are derived)', () => {
    expect(
      setupChanged('round', aRound(), aRound({ locked: true, decisions: { countChanges: [] } })),
    ).toBe(false);
  });
});

describe('setup projection: rules', () => {
  it('the latest put of a record is its value; a removal removes it', () => {
    const d = aDevice('D');
    for (const u of basics()) d.emit(u);
    d.emit(put('judge', aJudge({ name: 'Đổi tên' })));
    d.emit(put('entrant', anEntrant({ id: 'e2' as never, code: 'D002' })));
    d.emit(remove('entrant', anEntrant()));
    const b = projectSetup(d.events, 'c1').bundle!;
    expect(b.judges.map((j) => j.name)).toEqual(['Đổi tên']);
    expect(b.entrants.map((e) => e.id)).toEqual(['e2']);
    expect(b.rounds[0].locked).toBe(false);
  });

  it('no contest record: no bundle (an older journal, or nothing set up yet)', () => {
    const d = aDevice('D');
    d.emit(BASE);
    expect(projectSetup(d.events, 'c1').bundle).toBeNull();
  });

  it('the result depends on the set of events, not on their order or duplicates', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    for (const u of basics()) a.emit(u);
    b.emit(put('entrant', anEntrant({ id: 'e9' as never, code: 'D009' })));
    const one = projectSetup([...a.events, ...b.events], 'c1');
    const two = projectSetup([...b.events, ...a.events.slice().reverse(), a.events[2]], 'c1');
    expect(two).toEqual(one);
  });

  it('two devices that changed one record differently make a conflict; the record stays on screen', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    for (const u of basics()) a.emit(u);
    const x = b.emit(put('judge', aJudge({ name: 'Tên trên máy B' })));
    const y = a.emit(put('judge', aJudge({ name: 'Tên trên máy A' })));
    const p = projectSetup([...a.events, ...b.events], 'c1');
    expect(p.conflicts).toHaveLength(1);
    expect(p.conflicts[0].settles).toEqual([ref(y), ref(x)].sort());
    expect(p.conflicts[0].message).toContain('các máy sửa khác nhau');
    expect(p.bundle!.judges).toHaveLength(1);
  });

  it('a setup event that names both candidates in settles decides the conflict', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    for (const u of basics()) a.emit(u);
    const x = b.emit(put('judge', aJudge({ name: 'B' })));
    const y = a.emit(put('judge', aJudge({ name: 'A' })));
    a.emit({
      ...put('judge', aJudge({ name: 'Đã chọn' }), 'Theo danh sách của Ban tổ chức'),
      settles: [ref(x), ref(y)],
    });
    const p = projectSetup([...a.events, ...b.events], 'c1');
    expect(p.conflicts).toEqual([]);
    expect(p.bundle!.judges[0].name).toBe('Đã chọn');
  });

  it('a record that fails its gate is refused and listed, and changes nothing', () => {
    const d = aDevice('D');
    for (const u of basics()) d.emit(u);
    const bad = d.emit({
      ...put('criterion', aCriterion()),
      data: { entity: 'criterion', id: 'q1', record: { id: 'q1', name: 7 } },
    });
    const p = projectSetup(d.events, 'c1');
    expect(p.issues.join('\n')).toContain(ref(bad));
    expect(p.bundle!.criteria[0].name).toBe(aCriterion().name);
  });

  it('a record of another contest is refused', () => {
    const d = aDevice('D');
    for (const u of basics()) d.emit(u);
    d.emit(put('judge', aJudge({ id: 'j2' as never, contestId: 'other' as never })));
    const p = projectSetup(d.events, 'c1');
    expect(p.bundle!.judges.map((j) => j.id)).toEqual(['j1']);
    expect(p.issues).toHaveLength(1);
  });

  it('a lock event locks the round; a later change of that round without a reason is refused', () => {
    const d = aDevice('D');
    for (const u of basics()) d.emit(u);
    d.emit({
      ...BASE,
      kind: 'lock',
      judgeId: null,
      entrantId: null,
      criterionId: null,
      steps: null,
      by: { role: 'head', name: 'Trưởng ban' },
      reason: 'Ký xác nhận',
    });
    d.emit(put('criterion', aCriterion({ name: 'Đổi sau khóa' })));
    d.emit(put('entrant', anEntrant({ name: 'Đổi có lý do' }), 'Sai tên trong danh sách'));
    const p = projectSetup(d.events, 'c1');
    expect(p.bundle!.rounds[0].locked).toBe(true);
    expect(p.bundle!.criteria[0].name).toBe(aCriterion().name);
    expect(p.bundle!.entrants[0].name).toBe('Đổi có lý do');
    expect(p.issues.join('\n')).toContain('sau khi khóa');
  });

  it('decisions accumulate in time order with their reason, author and time; one without a reason is refused', () => {
    const d = aDevice('D');
    for (const u of basics()) d.emit(u);
    const by = { role: 'head' as const, name: 'Trưởng ban' };
    d.emit(
      decisionEvent(
        'r1',
        'prizeOverrides',
        { entrantId: 'e1', tier: 'Giải Nhì' },
        { ...meta, by, at: '2026-11-23T09:00:00.000Z', reason: 'Đồng điểm tại ranh giới' },
      ),
    );
    d.emit(
      decisionEvent(
        'r1',
        'countChanges',
        { tier: 'Giải Ba', count: 3 },
        { ...meta, by, at: '2026-11-23T10:00:00.000Z', reason: 'Cân đối cơ cấu giải' },
      ),
    );
    d.emit({
      ...decisionEvent(
        'r1',
        'countChanges',
        { tier: 'Giải Ba', count: 9 },
        { ...meta, by, reason: 'x' },
      ),
      reason: null,
    });
    const p = projectSetup(d.events, 'c1');
    const dec = p.bundle!.rounds[0].decisions!;
    expect(dec.prizeOverrides).toEqual([
      {
        entrantId: 'e1',
        tier: 'Giải Nhì',
        reason: 'Đồng điểm tại ranh giới',
        by: 'Trưởng ban',
        at: '2026-11-23T09:00:00.000Z',
      },
    ]);
    expect(dec.countChanges).toEqual([
      {
        tier: 'Giải Ba',
        count: 3,
        reason: 'Cân đối cơ cấu giải',
        by: 'Trưởng ban',
        at: '2026-11-23T10:00:00.000Z',
      },
    ]);
    expect(p.issues.join('\n')).toContain('phải ghi lý do');
  });
});
