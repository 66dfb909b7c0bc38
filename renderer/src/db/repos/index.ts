/** All repositories over one opened database: the only code that touches tables. */
import type { OpenedDb } from '../database';
import { journalRepo } from './journal-repo';
import { setupRepo } from './setup-repo';

export function createRepos(opened: OpenedDb, newId: () => string) {
  return {
    setup: setupRepo(opened.db, opened.readOnlyReason),
    journal: journalRepo(opened.db, opened.readOnlyReason, newId),
    readOnlyReason: opened.readOnlyReason,
  };
}

export type Repos = ReturnType<typeof createRepos>;
