/**
 * Many events at once (sample data; later, paper results by the thousand) at the speed of the
 * floor: the journal file first, in big fsynced chunks, then the browser database in one bulk
 * transaction without an outbox row per event — instead of writing every event three times and
 * then deleting 94,050 outbox rows one acknowledgement at a time.
 *
 * Safe at every step: nothing is shown as saved before both copies hold it. A crash after the file
 * has the events and before the database does loses nothing — opening the contest restores them
 * from the file (recover.ts), and the device's chain continues after them. If the journal cannot
 * be reached midway, the events it lacks get outbox rows and are sent later like any other.
 */
import type { Bridge } from '@shared/bridge/contract';
import type { UnsealedEvent } from '@shared/journal/event';
import type { ContestId } from '@shared/model/types';
import type { Repos } from '../db/repos';
import type { ScoreSaver } from './score-saver';

export interface BulkProgress {
  readonly step: 'seal' | 'journal' | 'database';
  readonly done: number;
  readonly total: number;
}

/** Events per append: well under the bridge's 10,000 cap, a few MB of JSON each. */
const CHUNK = 10_000;

export async function saveBulk(
  contestId: ContestId,
  list: readonly UnsealedEvent[],
  s: { readonly repos: Repos; readonly saver: ScoreSaver; readonly bridge: Bridge },
  onProgress: (p: BulkProgress) => void = () => undefined,
): Promise<{ state: 'saved' | 'localOnly'; message?: string }> {
  const total = list.length;
  // Anything older (the contest's setup) goes first, so the file keeps this device's order.
  const earlier = await s.saver.flush(contestId);
  if (!earlier.ok) {
    const r = await s.saver.saveMany(list);
    return r;
  }
  const { sealed, after } = await s.repos.journal.sealBulk(contestId, list, (done) =>
    onProgress({ step: 'seal', done, total }),
  );
  let acked = 0;
  let message: string | undefined;
  for (let i = 0; i < sealed.length; i += CHUNK) {
    const r = await s.bridge['journal:append'](contestId, sealed.slice(i, i + CHUNK));
    if (!r.ok) {
      message = r.error.message;
      break;
    }
    acked = Math.min(sealed.length, i + CHUNK);
    onProgress({ step: 'journal', done: acked, total });
  }
  onProgress({ step: 'database', done: 0, total });
  await s.repos.journal.storeBulk(contestId, sealed, after, acked);
  onProgress({ step: 'database', done: total, total });
  return acked === sealed.length ? { state: 'saved' } : { state: 'localOnly', message };
}
