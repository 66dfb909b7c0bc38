/**
 * What a forger with the journal file does: change one event, then re-seal that device's chain
 * from there on with the app's own seal() (same seq, new hashes, each prev the new previous hash),
 * keeping every line where it was. Every local check ("Kiểm tra toàn vẹn") passes on the result.
 */
import {
  canonicalJson,
  seal,
  type JournalEvent,
  type UnsealedEvent,
} from '../../shared/journal/event';

export function forgeEvents(
  events: readonly JournalEvent[],
  index: number,
  change: Partial<UnsealedEvent>,
): JournalEvent[] {
  const target = events[index];
  const out = [...events];
  let prev: string | null = null;
  for (let i = index; i < out.length; i++) {
    const e = out[i];
    if (e.deviceId !== target.deviceId) continue;
    const { deviceId, seq, prev: oldPrev, hash: _h, ...rest } = e;
    const body: UnsealedEvent = i === index ? { ...rest, ...change } : rest;
    out[i] = seal(body, deviceId, seq, prev ?? oldPrev);
    prev = out[i].hash;
  }
  return out;
}

/** The same on a journal file's text (complete canonical lines). */
export function forgeText(text: string, index: number, change: Partial<UnsealedEvent>): string {
  const lines = text.split('\n').filter((l) => l !== '');
  const forged = forgeEvents(
    lines.map((l) => JSON.parse(l) as JournalEvent),
    index,
    change,
  );
  return forged.map((e) => `${canonicalJson(e)}\n`).join('');
}
