/**
 * The convenience copy of each contest's setup, `<dataDir>/contests/<id>.json`, rebuilt from the
 * journal's setup events after every batch that changed them (atomic write). It is never read back
 * as a truth while the journal has setup events: the journal is. A failed write is reported in the
 * append's answer and retried with the next batch until it succeeds.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppendAck } from '../../../shared/bridge/contract';
import type { JournalEvent } from '../../../shared/journal/event';
import { isSetupSide } from '../../../shared/journal/setup-event';
import { projectSetup } from '../../../shared/journal/setup-projection';
import { writeFileAtomicWithRetry } from '../files/atomic-write';
import { describeFileError } from '../files/file-errors';
import type { JournalStore } from './journal-store';

export const setupCopyPath = (dataDir: string, contestId: string) =>
  join(dataDir, 'contests', `${contestId}.json`);

/** Contests whose copy is behind the journal (a write failed). */
const behind = new Set<string>();

/** After an append: rewrite the copy when the batch touched the setup or an earlier write failed. */
export async function refreshSetupCopy(
  dataDir: string,
  store: JournalStore,
  contestId: string,
  batch: readonly JournalEvent[],
  now: () => Date = () => new Date(),
): Promise<AppendAck['setupCopy']> {
  const key = `${dataDir}\u0000${contestId}`;
  if (!behind.has(key) && !batch.some(isSetupSide)) return undefined;
  try {
    const { bundle } = projectSetup(await store.setupEvents(contestId), contestId);
    if (!bundle) {
      behind.delete(key);
      return { ok: true };
    }
    await mkdir(join(dataDir, 'contests'), { recursive: true });
    await writeFileAtomicWithRetry(
      setupCopyPath(dataDir, contestId),
      JSON.stringify({ savedAt: now().toISOString(), source: 'journal', bundle }),
    );
    behind.delete(key);
    return { ok: true };
  } catch (err) {
    behind.add(key);
    return {
      ok: false,
      message: `Không ghi được bản sao cấu hình cuộc thi ra đĩa (${describeFileError(err)}). Sổ điểm vẫn đầy đủ; sẽ thử ghi lại ở lần lưu sau.`,
    };
  }
}
