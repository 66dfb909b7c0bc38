import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seal } from '@shared/journal/event';
import { merge, union } from '@shared/journal/merge';
import { project } from '@shared/journal/projection';
import { afterAck, lastOf, nextBatch, nextLink, sealNext, unsent } from '@shared/journal/outbox';
import { aDevice, aJournal, BASE, ref } from './journal-builders';

/** Two devices' packets that overlap: random subsets of one journal. */
const twoPackets = aJournal().chain((all) =>
  fc.tuple(fc.constant(all), fc.subarray(all), fc.subarray(all)),
);

describe('merge: properties', () => {
  it('merging is idempotent and order-independent (commutative, associative)', () => {
    let merges = 0;
    fc.assert(
      fc.property(twoPackets, ([all, a, b]) => {
        const ab = merge(a, b);
        expect(merge(b, a)).toEqual(ab);
        expect(merge(ab.events, b)).toEqual(ab);
        expect(merge(ab.events, ab.events)).toEqual(ab);
        expect(merge(merge(a, b).events, all)).toEqual(merge(a, merge(b, all).events));
        expect(merge([...a].reverse(), [...b, ...a])).toEqual(ab);
        merges += 5;
      }),
      { numRuns: 200 },
    );
    console.log(`merge properties: ${merges} merges compared, differences 0`);
  });

  it('the union of packets projects like the whole journal once every packet is in', () => {
    fc.assert(
      fc.property(twoPackets, ([all, a, b]) => {
        const rest = all.filter((e) => !a.includes(e) && !b.includes(e));
        expect(project(union(a, b, rest).events)).toEqual(project(all));
      }),
      { numRuns: 150 },
    );
  });

  it('two different events claiming one (device, seq) are reported as a fork, whichever side has which', () => {
    const d = aDevice('A');
    const e = d.emit({ steps: 5 });
    const other = seal({ ...BASE, steps: 6 }, 'A', 1, e.prev);
    const ab = merge([e], [other]);
    expect(ab).toEqual(merge([other], [e]));
    expect(ab.events).toHaveLength(2);
    expect(ab.forks).toEqual([
      {
        deviceId: 'A',
        seq: 1,
        hashes: [e.hash, other.hash].sort(),
        message: expect.stringContaining('A#1'),
      },
    ]);
  });

  it('the same event twice is one event, not a fork', () => {
    const d = aDevice('A');
    const e = d.emit();
    expect(merge([e, e], [{ ...e }])).toEqual({ events: [e], forks: [] });
  });
});

describe('outbox helpers', () => {
  it('the first event of a device is seq 1 chained to GENESIS; the next follows the last', () => {
    expect(nextLink(null)).toEqual({ seq: 1, prev: '' });
    const d = aDevice('A');
    const e = d.emit();
    expect(nextLink(e)).toEqual({ seq: 2, prev: e.hash });
    const next = sealNext(BASE, 'A', lastOf(d.events, 'A'));
    expect([next.seq, next.prev]).toEqual([2, e.hash]);
    expect(() => sealNext(BASE, 'B', e)).toThrow();
  });

  it('what remains to send: every event not acknowledged, once, in (device, seq) order', () => {
    const a = aDevice('A');
    const b = aDevice('B');
    const [a1, a2, a3] = [a.emit(), a.emit(), a.emit()];
    const b1 = b.emit();
    const acked = afterAck(new Set(), [a1]);
    expect(unsent([b1, a3, a2, a1, a2], acked)).toEqual([a2, a3, b1]);
    expect(unsent([a1, a2], [{ deviceId: 'A', seq: 2 }, ref(a1)])).toEqual([]);
    expect(nextBatch([b1, a3, a2], 2)).toEqual([a2, a3]);
  });
});
