/**
 * The printable key of one journal event, "<deviceId>#<seq>", and the one total order every journal
 * module sorts by: (deviceId, seq, hash), compared by UTF-16 code units so every machine agrees.
 *
 * Not a place for rules about what events mean (projection.ts) or whether they are intact (verify.ts).
 */
import type { JournalEvent } from './event';

export interface EventRef {
  readonly deviceId: string;
  readonly seq: number;
}

export const refOf = (e: EventRef): string => `${e.deviceId}#${e.seq}`;

/** Split at the last '#': a device id may itself contain '#', a sequence number never does. */
export function parseRef(text: string): EventRef | null {
  const at = text.lastIndexOf('#');
  if (at < 1) return null;
  const seq = Number(text.slice(at + 1));
  return Number.isSafeInteger(seq) && seq >= 1 && String(seq) === text.slice(at + 1)
    ? { deviceId: text.slice(0, at), seq }
    : null;
}

/** Code-unit order, not localeCompare: the result must not depend on the machine's language settings. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function compareEvents(
  a: Pick<JournalEvent, 'deviceId' | 'seq' | 'hash'>,
  b: Pick<JournalEvent, 'deviceId' | 'seq' | 'hash'>,
): number {
  return compareText(a.deviceId, b.deviceId) || a.seq - b.seq || compareText(a.hash, b.hash);
}
