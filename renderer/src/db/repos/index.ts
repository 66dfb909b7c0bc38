/** All repositories over one opened database: the only code that touches tables. */
import type { ContestId } from '@shared/model/types';
import type { OpenedDb } from '../database';
import { journalRepo } from './journal-repo';
import { setupRepo } from './setup-repo';
import { structureRepo } from './structure-repo';

export function createRepos(opened: OpenedDb, newId: () => string, onSetupChanged?: (contestId: ContestId) => void) {
  return {
    setup: setupRepo(opened.db, opened.readOnlyReason, onSetupChanged),
    structure: structureRepo(opened.db, opened.readOnlyReason, onSetupChanged),
    journal: journalRepo(opened.db, opened.readOnlyReason, newId),
    readOnlyReason: opened.readOnlyReason,
  };
}

export type Repos = ReturnType<typeof createRepos>;
