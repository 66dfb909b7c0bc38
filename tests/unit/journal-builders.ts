/**
 * Builders for journal tests: a device that seals its events in order, defaults for every field,
 * and fast-check arbitraries for random multi-device journals over a small domain (so that devices
 * often touch the same cells).
 */
import fc from 'fast-check';
import {
  canonicalJson,
  EVENT_KINDS,
  seal,
  type JournalEvent,
  type UnsealedEvent,
} from '@shared/journal/event';
import { nextLink } from '@shared/journal/outbox';

export const BASE: UnsealedEvent = {
  v: 1,
  contestId: 'c1',
  roundId: 'r1',
  judgeId: 'j1',
  entrantId: 'e1',
  criterionId: 'k1',
  kind: 'enter',
  steps: 10,
  pass: null,
  by: { role: 'judge', name: 'Nguyễn Văn An' },
  at: '2025-05-12T09:00:00+07:00',
  reason: null,
};

/** A device: emit() seals the next event of its chain. */
export function aDevice(deviceId: string) {
  const events: JournalEvent[] = [];
  return {
    deviceId,
    events,
    emit(over: Partial<UnsealedEvent> = {}): JournalEvent {
      const { seq, prev } = nextLink(events[events.length - 1]);
      const e = seal({ ...BASE, ...over }, deviceId, seq, prev);
      events.push(e);
      return e;
    },
  };
}

export const ref = (e: Pick<JournalEvent, 'deviceId' | 'seq'>) => `${e.deviceId}#${e.seq}`;
export const linesOf = (events: readonly JournalEvent[]) => events.map((e) => canonicalJson(e));

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Cường', 'Thư ký Phạm Thu', ''];

/** One unsealed event over a small domain; `settles` sometimes names other devices' events. */
export const anUnsealed = (devices: readonly string[]): fc.Arbitrary<UnsealedEvent> =>
  fc
    .record({
      roundId: fc.constantFrom('r1', 'r1', 'r1', 'r2'),
      judgeId: fc.option(fc.constantFrom('j1', 'j1', 'j2'), { freq: 30 }),
      entrantId: fc.option(fc.constantFrom('e1', 'e1', 'e2'), { freq: 30 }),
      criterionId: fc.option(fc.constantFrom('k1', 'k2'), { freq: 30 }),
      kind: fc.oneof(
        {
          weight: 12,
          arbitrary: fc.constantFrom('enter', 'edit', 'clear') as fc.Arbitrary<
            JournalEvent['kind']
          >,
        },
        { weight: 4, arbitrary: fc.constantFrom(...EVENT_KINDS) },
      ),
      steps: fc.option(
        fc.oneof(
          { weight: 30, arbitrary: fc.integer({ min: 0, max: 3 }) },
          { weight: 1, arbitrary: fc.constant(-1) },
        ),
        { freq: 8 },
      ),
      pass: fc.constantFrom(null, null, null, 1, 2) as fc.Arbitrary<1 | 2 | null>,
      name: fc.constantFrom(...NAMES),
      reason: fc.option(
        fc.constantFrom(
          'Theo phiếu giấy',
          'Nhập nhầm',
          ' ',
          'Giám khảo đề nghị "sửa" lại\nxuống dòng',
        ),
        { freq: 3 },
      ),
      // Mostly absent: present on about one event in six.
      settles: fc.oneof(
        { weight: 5, arbitrary: fc.constant(null) },
        {
          weight: 1,
          arbitrary: fc.array(
            fc
              .tuple(fc.constantFrom(...devices), fc.integer({ min: 1, max: 8 }))
              .map(([d, s]) => `${d}#${s}`),
            { minLength: 1, maxLength: 3 },
          ),
        },
      ),
    })
    .map((r) => {
      const { name, settles, ...rest } = r;
      const e: UnsealedEvent = {
        ...BASE,
        ...rest,
        by: { role: rest.kind === 'reopen' || rest.kind === 'lock' ? 'head' : 'judge', name },
      };
      return settles ? { ...e, settles } : e;
    });

/** Several devices' chains: device name → its sealed events in order. */
export const aJournal = (
  opts: { devices?: readonly string[]; maxPerDevice?: number } = {},
): fc.Arbitrary<JournalEvent[]> => {
  const devices = opts.devices ?? ['A', 'B', 'C'];
  return fc
    .tuple(
      ...devices.map(() => fc.array(anUnsealed(devices), { maxLength: opts.maxPerDevice ?? 12 })),
    )
    .map((perDevice) => {
      const out: JournalEvent[] = [];
      perDevice.forEach((list, i) => {
        const d = aDevice(devices[i]);
        for (const u of list) out.push(d.emit(u));
      });
      return out;
    });
};

/** A journal as a file would hold it: each device's chain in order, devices interleaved at random. */
export const anInterleavedJournal = (
  opts: { devices?: readonly string[]; maxPerDevice?: number } = {},
): fc.Arbitrary<JournalEvent[]> =>
  aJournal(opts).chain((events) =>
    fc.array(fc.nat(), { minLength: events.length, maxLength: events.length }).map((keys) => {
      // Random interleaving that keeps each device's order: sort by a random key per device position.
      const byDevice = new Map<string, JournalEvent[]>();
      for (const e of events)
        (byDevice.get(e.deviceId) ?? byDevice.set(e.deviceId, []).get(e.deviceId)!).push(e);
      const queues = [...byDevice.values()];
      const out: JournalEvent[] = [];
      let k = 0;
      while (queues.some((q) => q.length)) {
        const live = queues.filter((q) => q.length);
        out.push(live[keys[k++] % live.length].shift()!);
      }
      return out;
    }),
  );

/** A permutation of `xs` plus some of its elements again. */
export const shuffledWithDuplicates = <T>(xs: readonly T[]): fc.Arbitrary<T[]> =>
  fc.subarray([...xs]).chain((extra) => {
    const all = [...xs, ...extra];
    return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
  });
