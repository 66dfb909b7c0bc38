/**
 * "Kiểm tra bản in": the printed chain head leads back to the state the document was made from —
 * a prefix of the append-only file — or to nothing when the journal was rewritten, cut, or the code
 * mistyped. Table-driven over the cases a secretary meets, then a property over random journals
 * (device ids chosen to sort awkwardly), then the 100k-event timing.
 */
import { hash as nodeHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainHead, type JournalEvent } from '@shared/journal/event';
import {
  checkPrintout,
  CONTEST_WIDE,
  findPrintedCut,
  PRINT_LIST_LIMIT,
  readPrintedCode,
  type PrintCheck,
} from '@shared/journal/printout';
import { CONTEST_SCOPE } from '@shared/journal/setup-event';
import { verifyLines } from '@shared/journal/verify';
import { aDevice, anInterleavedJournal, linesOf } from './journal-builders';
import { forgeEvents } from '../support/forge-journal';

const nodeSha = (t: string) => nodeHash('sha256', t, 'hex');

/**
 * A contest morning: two secretaries' laptops (A, B) typing judge j1's and j2's sheets for round r1,
 * B also a remark, then the printout (its code is chainHead of these 8 events).
 */
function morning() {
  const a = aDevice('may-thu-ky-A');
  const b = aDevice('may-thu-ky-B');
  const file: JournalEvent[] = [];
  const put = (e: JournalEvent) => (file.push(e), e);
  put(a.emit({ judgeId: 'j1', entrantId: 'e1', criterionId: 'k1', steps: 17 }));
  put(b.emit({ judgeId: 'j2', entrantId: 'e1', criterionId: 'k1', steps: 16 }));
  put(a.emit({ judgeId: 'j1', entrantId: 'e2', criterionId: 'k1', steps: 15 }));
  put(b.emit({ judgeId: 'j2', entrantId: 'e2', criterionId: 'k1', steps: 14 }));
  put(
    a.emit({
      judgeId: 'j1',
      entrantId: 'e1',
      criterionId: 'k1',
      kind: 'edit',
      steps: 18,
      reason: 'Nhập nhầm',
    }),
  );
  put(b.emit({ judgeId: 'j2', entrantId: null, criterionId: null, kind: 'submit', steps: null }));
  put(a.emit({ judgeId: 'j1', entrantId: null, criterionId: null, kind: 'submit', steps: null }));
  put(
    b.emit({
      judgeId: 'j2',
      entrantId: 'e1',
      criterionId: null,
      kind: 'comment',
      steps: null,
      reason: 'Trình bày tốt',
    }),
  );
  return { a, b, file, printed: chainHead(file) };
}

/** As the main side answers: read's events, and "Kiểm tra toàn vẹn" of the same lines. */
function check(
  file: readonly JournalEvent[] | readonly string[],
  code: string,
  roundId: string | null = 'r1',
): PrintCheck {
  const lines = typeof file[0] === 'string' ? (file as string[]) : linesOf(file as JournalEvent[]);
  const integrity = verifyLines(lines, { strict: true });
  return checkPrintout(integrity.valid, code, { roundId, integrity, sha256Hex: nodeSha });
}

const found = (r: PrintCheck) => {
  if (r.status !== 'found') throw new Error(`expected found, got ${JSON.stringify(r)}`);
  return r;
};

interface Case {
  readonly name: string;
  /** Today's file, from the morning's (the printout was made after its 8 events). */
  readonly today: (m: ReturnType<typeof morning>) => readonly JournalEvent[] | readonly string[];
  readonly round?: string | null;
  readonly code?: (m: ReturnType<typeof morning>) => string;
  readonly expect: (r: PrintCheck, m: ReturnType<typeof morning>) => void;
}

const CASES: readonly Case[] = [
  {
    name: 'untouched journal: found at its end, nothing since, today gives exactly that document',
    today: (m) => m.file,
    expect: (r) => {
      const f = found(r);
      expect(f.matches).toBe(true);
      expect(f.cut).toEqual({
        events: 8,
        line: 8,
        devices: [
          { deviceId: 'may-thu-ky-A', seq: 4 },
          { deviceId: 'may-thu-ky-B', seq: 4 },
        ],
      });
      expect(f.since.events).toBe(0);
      expect(f.since.listed).toEqual([]);
    },
  },
  {
    name: 'a score of the same round edited after printing: listed with old → new, no longer matches',
    today: (m) => [
      ...m.file,
      m.b.emit({
        judgeId: 'j2',
        entrantId: 'e2',
        criterionId: 'k1',
        kind: 'edit',
        steps: 12,
        reason: 'Theo phiếu giấy',
      }),
    ],
    expect: (r) => {
      const f = found(r);
      expect(f.matches).toBe(false);
      expect(f.cut.events).toBe(8);
      expect(f.since).toMatchObject({
        events: 1,
        affecting: 1,
        inScope: 1,
        entrants: ['e2'],
        judges: ['j2'],
        kinds: [{ kind: 'edit', events: 1 }],
        rounds: [{ roundId: 'r1', events: 1, affecting: 1 }],
      });
      const [one] = f.since.listed;
      expect(one.event).toMatchObject({
        kind: 'edit',
        steps: 12,
        deviceId: 'may-thu-ky-B',
        seq: 5,
      });
      expect(one.previous).toMatchObject({
        kind: 'enter',
        steps: 14,
        deviceId: 'may-thu-ky-B',
        seq: 2,
      });
      expect(one.affects).toBe(true);
    },
  },
  {
    name: 'a score of another round entered after printing: the r1 document still matches, r2 is counted',
    today: (m) => [
      ...m.file,
      m.a.emit({ roundId: 'r2', judgeId: 'j1', entrantId: 'e9', criterionId: 'k7', steps: 9 }),
    ],
    expect: (r) => {
      const f = found(r);
      expect(f.matches).toBe(true);
      expect(f.since).toMatchObject({
        events: 1,
        affecting: 0,
        inScope: 0,
        listed: [],
        rounds: [{ roundId: 'r2', events: 1, affecting: 1 }],
      });
    },
  },
  {
    name: 'the same, asked without a round: any round counts, so it no longer matches',
    today: (m) => [
      ...m.file,
      m.a.emit({ roundId: 'r2', judgeId: 'j1', entrantId: 'e9', criterionId: 'k7', steps: 9 }),
    ],
    round: null,
    expect: (r) => {
      const f = found(r);
      expect(f.matches).toBe(false);
      expect(f.since.listed.map((l) => l.event.roundId)).toEqual(['r2']);
      expect(f.since.listed[0].previous).toBeNull();
    },
  },
  {
    name: 'only a remark after printing: listed, but it cannot change results',
    today: (m) => [
      ...m.file,
      m.a.emit({
        judgeId: 'j1',
        entrantId: 'e2',
        criterionId: null,
        kind: 'comment',
        steps: null,
        reason: 'Cần bổ sung minh chứng',
      }),
    ],
    expect: (r) => {
      const f = found(r);
      expect(f.matches).toBe(true);
      expect(f.since).toMatchObject({ events: 1, affecting: 0, inScope: 1 });
      expect(f.since.listed[0].affects).toBe(false);
    },
  },
  {
    name: 'a contest-wide change (a judge’s record) after printing counts for every round',
    today: (m) => [
      ...m.file,
      m.a.emit({
        roundId: CONTEST_WIDE,
        judgeId: 'j1',
        entrantId: null,
        criterionId: null,
        kind: 'setup',
        steps: null,
        data: { entity: 'judge', id: 'j1', record: { id: 'j1', name: 'Nguyễn Văn An' } },
      } as never),
    ],
    expect: (r) => {
      const f = found(r);
      expect(f.matches).toBe(false);
      expect(f.since.affecting).toBe(1);
    },
  },
  {
    name: 'printed earlier in the morning (after 3 events): the 5 later ones are listed in file order',
    today: (m) => m.file,
    code: (m) => chainHead(m.file.slice(0, 3)),
    expect: (r) => {
      const f = found(r);
      expect(f.matches).toBe(false);
      expect(f.cut).toEqual({
        events: 3,
        line: 3,
        devices: [
          { deviceId: 'may-thu-ky-A', seq: 2 },
          { deviceId: 'may-thu-ky-B', seq: 1 },
        ],
      });
      expect(f.since.listed.map((l) => `${l.event.deviceId}#${l.event.seq}`)).toEqual([
        'may-thu-ky-B#2',
        'may-thu-ky-A#3',
        'may-thu-ky-B#3',
        'may-thu-ky-A#4',
        'may-thu-ky-B#4',
      ]);
      expect(f.since.affecting).toBe(4); // the remark does not count
      // The edit of j1·e1 names the value before it: 17, typed before printing.
      expect(f.since.listed[1].previous).toMatchObject({
        steps: 17,
        seq: 1,
        deviceId: 'may-thu-ky-A',
      });
      expect(f.since.kinds).toEqual([
        { kind: 'enter', events: 1 },
        { kind: 'edit', events: 1 },
        { kind: 'submit', events: 2 },
        { kind: 'comment', events: 1 },
      ]);
    },
  },
  {
    name: 'forged: a score rewritten and the whole chain re-sealed — every local check passes, the printed state is not found',
    today: (m) => forgeEvents(m.file, 2, { steps: 20 }), // A's 15 for j1·e2 becomes 20
    expect: (r) => {
      expect(r).toMatchObject({ status: 'notFound', why: 'unknown', damage: null, events: 8 });
    },
  },
  {
    name: 'forged, for a code printed before the forged line: found, and the forged line shows as a change after it',
    today: (m) => forgeEvents(m.file, 2, { steps: 20 }),
    code: (m) => chainHead(m.file.slice(0, 2)),
    expect: (r) => {
      const f = found(r);
      expect(f.matches).toBe(false);
      expect(f.since.listed[0].event).toMatchObject({
        deviceId: 'may-thu-ky-A',
        seq: 2,
        steps: 20,
      });
    },
  },
  {
    name: 'truncated: the last two lines removed after printing — not found (looks like a rewrite)',
    today: (m) => m.file.slice(0, 6),
    expect: (r) => expect(r).toMatchObject({ status: 'notFound', why: 'unknown', events: 6 }),
  },
  {
    name: 'every line removed: not found, and the journal is empty',
    today: () => [],
    expect: (r) => expect(r).toMatchObject({ status: 'notFound', why: 'empty', events: 0 }),
  },
  {
    name: 'a line in the middle edited by hand (not re-sealed): damaged, named at its line',
    today: (m) =>
      linesOf(m.file).map((l, i) => (i === 3 ? l.replace('"steps":14', '"steps":19') : l)),
    expect: (r) => {
      // B's head (seq 4) is still there, so the code can even be found; but the data is damaged.
      const f = found(r);
      expect(f.matches).toBe(false);
      expect(f.damage?.line).toBe(4);
      expect(f.cut.line).toBeNull();
    },
  },
  {
    name: 'the last line edited by hand: not found, and the damage is named',
    today: (m) =>
      linesOf(m.file).map((l, i) => (i === 7 ? l.replace('Trình bày tốt', 'Trình bày kém') : l)),
    expect: (r) =>
      expect(r).toMatchObject({ status: 'notFound', why: 'damaged', damage: { line: 8 } }),
  },
  {
    name: 'a blank score sheet printed before any score: the empty journal’s code is found at 0',
    today: (m) => m.file,
    code: () => chainHead([]),
    expect: (r) => {
      const f = found(r);
      expect(f.cut).toEqual({ events: 0, line: 0, devices: [] });
      expect(f.since.events).toBe(8);
    },
  },
  {
    name: 'typo: a character that is not a hex digit',
    today: (m) => m.file,
    code: (m) => `${m.printed.slice(0, 11)}G`,
    expect: (r) => {
      expect(r.status).toBe('badCode');
      expect(r.status === 'badCode' && r.message).toContain('“G”');
    },
  },
  {
    name: 'typo: one character missing',
    today: (m) => m.file,
    code: (m) => m.printed.slice(1),
    expect: (r) =>
      expect(r).toMatchObject({ status: 'badCode', message: expect.stringContaining('11 ký tự') }),
  },
  {
    name: 'pasted with the document’s words, lower case, spaces and dashes',
    today: (m) => m.file,
    code: (m) =>
      `Mã kiểm tra nhật ký chấm điểm: ${m.printed.slice(0, 4).toLowerCase()} - ${m.printed.slice(4, 8)} ${m.printed.slice(8).toLowerCase()}.`,
    expect: (r) => expect(found(r).matches).toBe(true),
  },
];

describe('Kiểm tra bản in: the printed code leads back to its state', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const m = morning();
      const code = c.code ? c.code(m) : m.printed;
      const today = c.today(m);
      c.expect(check(today, code, c.round === undefined ? 'r1' : c.round), m);
    });
  }

  it('the forged journal really passes every local check (so only the printout catches it)', () => {
    const m = morning();
    const forged = forgeEvents(m.file, 2, { steps: 20 });
    const v = verifyLines(linesOf(forged), { strict: true });
    expect(v).toMatchObject({ ok: true, events: 8, firstBad: null });
    expect(v.head).not.toBe(m.printed);
  });

  it('lists at most PRINT_LIST_LIMIT events but counts them all', () => {
    const a = aDevice('A');
    const file = [a.emit({ steps: 1 })];
    const code = chainHead(file);
    for (let i = 0; i < PRINT_LIST_LIMIT + 50; i++)
      file.push(a.emit({ kind: 'edit', steps: i % 20 }));
    const f = found(check(file, code));
    expect(f.since).toMatchObject({
      events: PRINT_LIST_LIMIT + 50,
      affecting: PRINT_LIST_LIMIT + 50,
      inScope: PRINT_LIST_LIMIT + 50,
    });
    expect(f.since.listed).toHaveLength(PRINT_LIST_LIMIT);
    expect(f.since.listed[1].previous?.seq).toBe(2);
  });

  it('contest-wide events use the same roundId as setup events', () => {
    expect(CONTEST_WIDE).toBe(CONTEST_SCOPE);
  });
});

describe('reading the code as typed', () => {
  const CODE = '3F2A9C01B7DE';
  it.each([
    ['3F2A9C01B7DE', CODE],
    ['3f2a9c01b7de', CODE],
    [' 3F2A-9C01-B7DE ', CODE],
    ['3F2A 9C01 B7DE', CODE],
    ['3F2A–9C01—B7DE', CODE],
    ['Mã kiểm tra nhật ký chấm điểm: 3F2A9C01B7DE', CODE],
    ['Ma kiem tra nhat ky cham diem 3F2A9C01B7DE', CODE],
    ['mã kiểm tra 3F2A9C01B7DE.', CODE],
    ['Mã sổ điểm: 3f2a9c01b7de', CODE],
    ['“3F2A9C01B7DE”', CODE],
  ])('%j → %s', (input, code) => {
    expect(readPrintedCode(input)).toEqual({ ok: true, code, notes: [] });
  });

  it('O, I and l are read as 0, 1 and 1, and the answer says so', () => {
    const r = readPrintedCode('3F2A9CO1B7DE');
    expect(r).toMatchObject({ ok: true, code: CODE });
    expect(r.ok && r.notes[0]).toContain('“O” là số 0');
    expect(readPrintedCode('3F2A9C0lB7DE')).toMatchObject({ ok: true, code: CODE });
  });

  it.each([
    ['', 'Chưa nhập mã'],
    ['   ', 'Chưa nhập mã'],
    ['3F2A9C01B7D', 'có 11 ký tự'],
    ['3F2A9C01B7DE0', 'có 13 ký tự'],
    ['3F2A9C01B7DX', '“X”'],
    ['Mã kiểm tra nhật ký chấm điểm:', 'Chưa nhập mã'],
  ])('%j is a typo: %s', (input, says) => {
    const r = readPrintedCode(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(says);
  });
});

describe('the prefix search agrees with chainHead on every prefix', () => {
  it('property: random interleaved journals, awkwardly sorting device ids, any prefix → found at the first prefix with that code', () => {
    fc.assert(
      fc.property(
        anInterleavedJournal({ devices: ['a', 'a:1', 'a:b', 'a:10'], maxPerDevice: 8 }),
        fc.nat(),
        (events, pick) => {
          const k = events.length === 0 ? 0 : pick % (events.length + 1);
          const code = chainHead(events.slice(0, k));
          const cut = findPrintedCut(events, code);
          expect(cut).not.toBeNull();
          expect(cut!.events).toBeLessThanOrEqual(k);
          expect(chainHead(events.slice(0, cut!.events))).toBe(code);
          for (let j = 0; j < cut!.events; j++)
            expect(chainHead(events.slice(0, j))).not.toBe(code);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('speed: 100k events', () => {
  /** Nine devices interleaved, as a big award round's file would be; hashes need not be real here. */
  function bigFile(n: number): JournalEvent[] {
    const out: JournalEvent[] = [];
    const seq = new Array<number>(9).fill(0);
    for (let i = 0; i < n; i++) {
      const d = (i * 7) % 9;
      out.push({
        deviceId: `device-${d}`,
        seq: ++seq[d],
        hash: nodeSha(String(i)),
      } as JournalEvent);
    }
    return out;
  }

  it('worst case (the code of the whole file, so every prefix is tried) takes well under a second with node:crypto', () => {
    const events = bigFile(100_000);
    const code = chainHead(events);
    const t0 = performance.now();
    const cut = findPrintedCut(events, code, { sha256Hex: nodeSha });
    const ms = performance.now() - t0;
    expect(cut?.events).toBe(100_000);
    console.log(`prefix scan, 100,000 events, 9 devices, node:crypto: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5_000); // 0.2–0.4 s here; the bound only catches a quadratic slip on a busy shared machine
  }, 60_000);
});
