import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  chainHead,
  hashEvent,
  isJournalEventShape,
  journalEventSchema,
  seal,
  type JournalEvent,
} from '@shared/journal/event';
import { verifyLines, verifyText } from '@shared/journal/verify';
import { aDevice, anInterleavedJournal, BASE, linesOf } from './journal-builders';

const utf8 = new TextEncoder();
const decode = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

/** Change one byte of a line (as a file would hold it) and read it back as text. */
function mutate(line: string, offset: number, value: number): string {
  const bytes = utf8.encode(line);
  bytes[offset] = value;
  return decode(bytes);
}

const MODES = [{ strict: true }, { strict: false }] as const;

/** A small real journal: three devices, Vietnamese text, a reason with quotes and a newline, settles. */
function sampleJournal(): JournalEvent[] {
  const a = aDevice('may-thu-ky-1');
  const b = aDevice('máy giám khảo #2');
  const h = aDevice('H');
  a.emit({ steps: 17 });
  b.emit({ steps: 16, by: { role: 'judge', name: 'Trần Thị Bình' } });
  a.emit({ kind: 'edit', steps: 18, reason: 'Nhập nhầm "17"\nsửa lại' });
  h.emit({
    kind: 'edit',
    steps: 18,
    settles: ['may-thu-ky-1#2', 'máy giám khảo #2#1'],
    reason: 'Theo phiếu giấy',
    by: { role: 'head', name: 'Trưởng ban' },
  });
  b.emit({ kind: 'submit', entrantId: null, criterionId: null, steps: null });
  a.emit({ kind: 'penalty', judgeId: null, steps: 50, reason: 'Quá giờ' });
  return [a.events[0], b.events[0], a.events[1], h.events[0], b.events[1], a.events[2]];
}

describe('verify: every single-byte change is detected at its line', () => {
  it('property: random journals, one byte of one line changed → firstBad.line is that line (both modes)', () => {
    let tried = 0;
    let undetected = 0;
    fc.assert(
      fc.property(
        anInterleavedJournal({ maxPerDevice: 6 }).filter((es) => es.length > 0),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (events, li, bi, delta) => {
          const lines = linesOf(events);
          const i = li % lines.length;
          const bytes = utf8.encode(lines[i]);
          const off = bi % bytes.length;
          const changed = [...lines];
          changed[i] = mutate(lines[i], off, (bytes[off] + delta) % 256);
          for (const mode of MODES) {
            expect(verifyLines(lines, mode).ok).toBe(true);
            const check = verifyLines(changed, mode);
            tried++;
            if (check.firstBad?.line !== i) undetected++;
            expect(check.firstBad?.line).toBe(i);
          }
        },
      ),
      { numRuns: 400 },
    );
    console.log(
      `journal byte mutations (random journals): ${tried} tried, accepted 0, undetected ${undetected}`,
    );
  });

  it('exhaustive on a sample journal: every byte of every line, nine replacement values each', () => {
    const lines = linesOf(sampleJournal());
    expect(verifyLines(lines).ok).toBe(true);
    let tried = 0;
    const missed: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const bytes = utf8.encode(lines[i]);
      for (let off = 0; off < bytes.length; off++) {
        const old = bytes[off];
        const values = new Set(
          [0x00, 0x0a, 0x20, 0x22, 0x30, 0x5c, 0xff, old ^ 0x01, old ^ 0x20].filter(
            (v) => v !== old,
          ),
        );
        for (const v of values) {
          const changed = [...lines];
          changed[i] = mutate(lines[i], off, v);
          for (const mode of MODES) {
            tried++;
            const check = verifyLines(changed, mode);
            if (check.firstBad?.line !== i)
              missed.push(`line ${i} byte ${off} → ${v} (${mode.strict ? 'strict' : 'quick'})`);
          }
        }
      }
    }
    console.log(
      `journal byte mutations (exhaustive sample): ${tried} tried, undetected ${missed.length}`,
    );
    expect(missed).toEqual([]);
  }, 60_000);
});

describe('verify: all 255 changes of every byte of one line', () => {
  it('a line with Vietnamese text, a quoted reason and settles: no change of any byte to any value passes', () => {
    const line = linesOf(sampleJournal())[3];
    const bytes = utf8.encode(line);
    let tried = 0;
    let undetected = 0;
    for (let off = 0; off < bytes.length; off++) {
      for (let v = 0; v < 256; v++) {
        if (v === bytes[off]) continue;
        const changed = mutate(line, off, v);
        for (const mode of MODES) {
          tried++;
          if (verifyLines([changed], mode).ok) undetected++;
        }
      }
    }
    console.log(
      `journal byte mutations (one line, every value): ${tried} tried, undetected ${undetected}`,
    );
    expect(undetected).toBe(0);
  }, 60_000);
});

describe('verify: rules', () => {
  const journal = sampleJournal();
  const lines = linesOf(journal);

  it('a good journal is ok, counts its events and gives the chain head', () => {
    const check = verifyLines(lines);
    expect(check).toMatchObject({
      ok: true,
      events: 6,
      firstBad: null,
      head: chainHead(journal),
      badLines: 0,
    });
  });

  it('a changed field is reported as a hash mismatch, in Vietnamese, with the 1-based line number', () => {
    const changed = [...lines];
    changed[2] = changed[2].replace('"steps":18', '"steps":19');
    expect(verifyLines(changed).firstBad).toEqual({
      line: 2,
      reason: 'Dòng 3: mã băm không khớp — nội dung đã bị sửa.',
    });
  });

  it('an edited event re-sealed with a fresh hash is caught at the next event of that device', () => {
    const edited = seal({ ...journal[0], steps: 20 }, journal[0].deviceId, 1, '');
    const changed = [canonicalJson(edited), ...lines.slice(1)];
    const check = verifyLines(changed);
    expect(check.firstBad?.line).toBe(2); // may-thu-ky-1#2 no longer links to #1
    expect(check.firstBad?.reason).toContain('không nối đúng');
  });

  it('a deleted line is caught at the next line of the same device', () => {
    const changed = lines.filter((_, k) => k !== 2); // may-thu-ky-1#2 removed; #3 is now line 4
    const check = verifyLines(changed);
    expect(check.firstBad?.line).toBe(4);
    expect(check.firstBad?.reason).toContain('thiếu mục số 2');
  });

  it('a repeated line is caught at the copy', () => {
    const changed = [...lines.slice(0, 3), lines[0], ...lines.slice(3)];
    expect(verifyLines(changed).firstBad?.line).toBe(3);
    expect(verifyLines(changed).firstBad?.reason).toContain('lặp lại');
  });

  it('two lines of one device swapped are caught at the first of them', () => {
    const changed = [lines[2], lines[1], lines[0], ...lines.slice(3)];
    expect(verifyLines(changed).firstBad?.line).toBe(0);
  });

  it('removing the last events of a chain changes the chain head printed on documents', () => {
    const check = verifyLines(lines.slice(0, -1));
    expect(check.ok).toBe(true); // no local check can see it …
    expect(check.head).not.toBe(chainHead(journal)); // … the printed head can
  });

  it('an event of another contest is bad when the contest is known', () => {
    const other = aDevice('X').emit({ contestId: 'khac' });
    expect(
      verifyLines([...lines, canonicalJson(other)], { contestId: 'c1' }).firstBad?.reason,
    ).toContain('thuộc cuộc thi khác');
  });

  it('a blank line and a non-canonical spelling are bad', () => {
    expect(verifyLines([lines[0], '', lines[1]]).firstBad?.line).toBe(1);
    const spaced = JSON.stringify(JSON.parse(lines[0]), null, 1).replace(/\n/g, '');
    expect(verifyLines([spaced]).firstBad?.reason).toContain('dạng chuẩn');
  });

  it('a line whose bytes were not UTF-8 is named by the reader and reported', () => {
    expect(verifyLines(lines, { undecodable: new Set([4]) }).firstBad?.line).toBe(4);
  });

  it('a torn last line (no newline) is reported after the good lines, and its events are still counted', () => {
    const text = lines.join('\n') + '\n' + lines[0].slice(0, 40);
    const check = verifyText(text);
    expect(check).toMatchObject({ ok: false, events: 6, firstBad: { line: 6 } });
    expect(check.firstBad?.reason).toContain('cắt dở');
    expect(verifyText(lines.join('\n') + '\n').ok).toBe(true);
    expect(verifyText('').ok).toBe(true);
  });

  it('the quick mode hashes exactly what hashEvent hashes, and both modes agree on good journals', () => {
    fc.assert(
      fc.property(anInterleavedJournal({ maxPerDevice: 5 }), (events) => {
        for (const e of events) expect(hashEvent(e)).toBe(e.hash);
        const strict = verifyLines(linesOf(events));
        const quick = verifyLines(linesOf(events), { strict: false });
        expect(quick).toEqual(strict);
      }),
      { numRuns: 100 },
    );
  });
});

describe('isJournalEventShape accepts exactly what journalEventSchema accepts', () => {
  const FIELDS = Object.keys(journalEventSchema.shape);
  const anOdd = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(
      undefined,
      null,
      0,
      1,
      2,
      3,
      -1,
      1.5,
      1e6,
      1e6 + 1,
      -1e6 - 1,
      2 ** 53,
      '',
      'x',
      'a'.repeat(64),
      'a'.repeat(65),
      'a'.repeat(101),
      'enter',
      'lock',
      'judge',
      'A#1',
      'A#0',
      ['A#1'],
      [],
      ['x'],
      { role: 'judge', name: 'x' },
      { role: 'judge' },
      { role: 'boss', name: '' },
      { role: 'judge', name: 'x', extra: 1 },
    ),
  );
  const mutation = fc.oneof(
    fc.record({
      op: fc.constant('set' as const),
      key: fc.constantFrom(...FIELDS, 'extra', '__proto__'),
      value: anOdd,
    }),
    fc.record({ op: fc.constant('delete' as const), key: fc.constantFrom(...FIELDS) }),
  );

  it('property: valid events with random field changes get the same verdict', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        anInterleavedJournal({ maxPerDevice: 3 }).filter((es) => es.length > 0),
        fc.array(mutation, { maxLength: 3 }),
        fc.nat(),
        (events, changes, k) => {
          const o: Record<string, unknown> = JSON.parse(canonicalJson(events[k % events.length]));
          for (const c of changes) {
            if (c.op === 'delete') delete o[c.key];
            else if (c.key === '__proto__')
              Object.defineProperty(o, '__proto__', {
                value: c.value,
                enumerable: true,
                configurable: true,
                writable: true,
              });
            else o[c.key] = c.value;
          }
          compared++;
          expect(isJournalEventShape(o)).toBe(journalEventSchema.safeParse(o).success);
        },
      ),
      { numRuns: 2000 },
    );
    console.log(`shape check vs zod: ${compared} objects compared, disagreements 0`);
  });

  it('table: edge values', () => {
    const good = JSON.parse(canonicalJson(seal(BASE, 'A', 1, ''))) as Record<string, unknown>;
    const cases: [string, unknown][] = [
      ['seq', 0],
      ['seq', 2 ** 53],
      ['seq', 1.5],
      ['steps', 1_000_001],
      ['steps', -1_000_000],
      ['pass', 3],
      ['v', 2],
      ['hash', 'a'.repeat(63)],
      ['settles', []],
      ['settles', ['#1']],
      ['settles', ['A#01']],
      ['settles', Array.from({ length: 65 }, (_, i) => `A#${i + 1}`)],
      ['by', { name: 'x', role: 'head' }],
      ['at', 'x'.repeat(41)],
      ['reason', 'x'.repeat(2001)],
      ['contestId', ''],
      ['deviceId', 'd'.repeat(100)],
    ];
    for (const [key, value] of cases) {
      const o = { ...good, [key]: value };
      expect([key, value, isJournalEventShape(o)]).toEqual([
        key,
        value,
        journalEventSchema.safeParse(o).success,
      ]);
    }
  });
});
