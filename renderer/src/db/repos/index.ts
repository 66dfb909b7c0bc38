/** All repositories over one opened database: the only code that touches tables. */
import type { ContestId } from '@shared/model/types';
import type { OpenedDb } from '../database';
import { journalRepo } from './journal-repo';
import { setupRepo } from './setup-repo';
import { setupWriter } from './setup-writer';
import { structureRepo } from './structure-repo';

/** `onJournalled` runs after each setup change was recorded: the caller sends it to the journal file. */
export function createRepos(
  opened: OpenedDb,
  newId: () => string,
  onJournalled: (contestId: ContestId) => void = () => undefined,
  now: () => Date = () => new Date(),
) {
  const journal = journalRepo(opened.db, opened.readOnlyReason, newId);
  const writer = setupWriter(opened.db, journal, now, onJournalled);
  return {
    setup: setupRepo(opened.db, opened.readOnlyReason, writer),
    structure: structureRepo(opened.db, opened.readOnlyReason, writer, now),
    journal,
    readOnlyReason: opened.readOnlyReason,
  };
}

export type Repos = ReturnType<typeof createRepos>;
