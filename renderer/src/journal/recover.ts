/**
 * The two copies heal each other. Opening a contest compares this device's database with the
 * journal file on the main side:
 * - events the database lacks (wiped, reset or corrupt IndexedDB, or another device's events) are
 *   stored and the scores and setup re-projected from the union;
 * - events the database holds that the journal file lacks although they were confirmed (the file's
 *   tail was cut, or the file deleted) are appended again, with their own device ids, numbers and
 *   hashes, so the chain is intact again and later saves are confirmed as usual.
 * The result says what happened, in numbers, so the screen can say it in plain words.
 *
 * Not here: when to run (the contest screen, and the saver when the journal refuses a gap).
 */
import type { Bridge } from '@shared/bridge/contract';
import type { JournalEvent } from '@shared/journal/event';
import { project } from '@shared/journal/projection';
import { compareEvents, refOf } from '@shared/journal/ref';
import { isSetupSide } from '@shared/journal/setup-event';
import { projectSetup } from '@shared/journal/setup-projection';
import type { ContestId, RoundId } from '@shared/model/types';
import type { Repos } from '../db/repos';
import type { ScoreSaver } from './score-saver';

export interface RecoveryReport {
  /** Events the database lacked, restored from the journal file. */
  readonly restored: number;
  /** Confirmed events the journal file lacked, appended again from this device. */
  readonly healed: number;
  /** Confirmed events the journal file still lacks (healing was refused: see journalError). */
  readonly missingFromJournal: number;
  readonly pending: number;
  readonly journalError: string | null;
}

const BATCH = 5000;

/** Append every event this device holds that `onDisk` lacks, in chain order. */
async function appendMissing(
  contestId: ContestId,
  local: readonly JournalEvent[],
  onDisk: ReadonlySet<string>,
  bridge: Bridge,
): Promise<{ healed: number; left: number; error: string | null }> {
  const missing = local.filter((e) => !onDisk.has(`${refOf(e)}|${e.hash}`)).sort(compareEvents);
  let healed = 0;
  for (let i = 0; i < missing.length; i += BATCH) {
    const r = await bridge['journal:append'](contestId, missing.slice(i, i + BATCH));
    if (!r.ok) return { healed, left: missing.length - healed, error: r.error.message };
    healed += r.value.added;
  }
  return { healed, left: 0, error: null };
}

/** The journal file lacks earlier events of this device (the saver's hook): send them again. */
export async function healJournal(
  contestId: ContestId,
  repos: Repos,
  bridge: Bridge,
): Promise<void> {
  const remote = await bridge['journal:read'](contestId);
  if (!remote.ok) return;
  await appendMissing(
    contestId,
    await repos.journal.events(contestId),
    new Set(remote.value.map((e) => `${refOf(e)}|${e.hash}`)),
    bridge,
  );
}

export async function reconcileWithJournal(
  contestId: ContestId,
  roundIds: readonly RoundId[],
  repos: Repos,
  saver: ScoreSaver,
  bridge: Bridge,
): Promise<RecoveryReport> {
  const flushed = await saver.flush(contestId);
  const remote = await bridge['journal:read'](contestId);
  if (!remote.ok)
    return {
      restored: 0,
      healed: 0,
      missingFromJournal: 0,
      pending: await repos.journal.countOutbox(contestId),
      journalError: remote.error.message,
    };
  const local = await repos.journal.events(contestId);
  const localKeys = new Set(local.map(refOf));
  const lacking = remote.value.filter((e) => !localKeys.has(refOf(e)));
  let restored = 0;
  if (lacking.length > 0) {
    const all = [...local, ...lacking];
    restored = await repos.journal.restore(contestId, roundIds, lacking, project(all).scores);
    if (lacking.some(isSetupSide)) {
      const setup = projectSetup(all, contestId).bundle;
      if (setup) await repos.setup.applyProjection(setup);
    }
  }
  const healing = await appendMissing(
    contestId,
    local,
    new Set(remote.value.map((e) => `${refOf(e)}|${e.hash}`)),
    bridge,
  );
  return {
    restored,
    healed: healing.healed,
    missingFromJournal: healing.left,
    pending: await repos.journal.countOutbox(contestId),
    journalError: healing.error ?? (flushed.ok ? null : (flushed.message ?? null)),
  };
}

/**
 * A contest this browser's database does not have, rebuilt from the data folder: from its journal
 * when that holds the setup (every contest made by this version), else from the older setup copy,
 * whose records are then written into the journal once. Returns the contest's id.
 */
export async function restoreContestFromDisk(
  contestId: ContestId,
  repos: Repos,
  bridge: Bridge,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const remote = await bridge['journal:read'](contestId);
  if (!remote.ok) return { ok: false, message: remote.error.message };
  const setup = projectSetup(remote.value, contestId).bundle;
  if (setup) {
    // The setup now; the scores when the contest opens (reconcileWithJournal), which says how many came back.
    await repos.journal.restore(
      contestId,
      setup.rounds.map((r) => r.id),
      remote.value.filter(isSetupSide),
      [],
    );
    await repos.setup.applyProjection(setup);
    return { ok: true };
  }
  const copy = await bridge['contest:readSnapshot'](contestId);
  if (!copy.ok) return { ok: false, message: copy.error.message };
  await repos.setup.restoreBundle(copy.value);
  return { ok: true };
}
