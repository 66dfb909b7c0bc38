/**
 * Opening a contest compares this device's database with the journal file on the main side. Events
 * the database lacks (wiped, reset or corrupt IndexedDB) are restored from the journal and the
 * scores re-projected; events still waiting in the outbox are sent. The result says what happened
 * so the screen can tell the user.
 */
import type { Bridge } from '@shared/bridge/contract';
import { project } from '@shared/journal/projection';
import type { ContestId, RoundId } from '@shared/model/types';
import type { JournalRepo } from '../db/repos/journal-repo';
import type { ScoreSaver } from './score-saver';

export interface RecoveryReport {
  readonly restored: number;
  /** Events this device has as confirmed that the journal file lacks. */
  readonly missingFromJournal: number;
  readonly pending: number;
  readonly journalError: string | null;
}

export async function reconcileWithJournal(contestId: ContestId, roundIds: readonly RoundId[], journal: JournalRepo, saver: ScoreSaver, bridge: Bridge): Promise<RecoveryReport> {
  const flushed = await saver.flush(contestId);
  const remote = await bridge['journal:read'](contestId);
  const pending = await journal.countOutbox(contestId);
  if (!remote.ok) return { restored: 0, missingFromJournal: 0, pending, journalError: remote.error.message };
  const local = await journal.events(contestId);
  const onDisk = new Set(remote.value.map((e) => `${e.deviceId}|${e.seq}|${e.hash}`));
  const localKeys = new Set(local.map((e) => `${e.deviceId}|${e.seq}`));
  const lacking = remote.value.filter((e) => !localKeys.has(`${e.deviceId}|${e.seq}`));
  let restored = 0;
  if (lacking.length > 0) {
    const all = [...local, ...lacking];
    restored = await journal.restore(contestId, roundIds, lacking, project(all).scores);
  }
  const missingFromJournal = flushed.ok ? local.filter((e) => !onDisk.has(`${e.deviceId}|${e.seq}|${e.hash}`)).length : 0;
  return { restored, missingFromJournal, pending, journalError: flushed.ok ? null : (flushed.message ?? null) };
}
