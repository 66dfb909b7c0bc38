/**
 * Runs the import worker for one file: V8 heap limits so a hostile workbook runs out of memory in
 * the worker, a timer that terminates it if it takes too long, and Vietnamese errors for each way
 * it can end. One worker per file: it is thrown away after, so nothing a file did to it lingers.
 * Which file to start (bundled .js, or the .ts through tsx from source) is workers/worker-entry.ts.
 * Not here: what the worker reads (import-worker.ts) or the zip checks (zip-check.ts).
 */

import type { RawWorkbook } from '../../../shared/import/types';
import { UserFacingError } from '../handlers/context';
import { startLimitedWorker } from '../workers/limited-worker';
import { workerEntryFor, type WorkerEntry } from '../workers/worker-entry';
import { readError, type ReadLimits } from './limits';
import type { WorkerReply, WorkerRequest, WorkerStats } from './worker-protocol';

export type { WorkerEntry };

/** The import worker beside the module at `moduleUrl` (this module's own URL unless a test says otherwise). */
export const workerEntry = (moduleUrl: string = import.meta.url): WorkerEntry =>
  workerEntryFor('import-worker', moduleUrl);

export interface WorkerRun {
  readonly workbook: RawWorkbook;
  readonly stats: WorkerStats;
}

export function runImportWorker(
  req: WorkerRequest,
  limits: ReadLimits,
  entry: WorkerEntry = workerEntry(),
): Promise<WorkerRun> {
  return new Promise((resolve, reject) => {
    const worker = startLimitedWorker(entry, limits.maxOldGenerationSizeMb);
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      // Always throw the worker away: a half-read hostile file must not keep its memory.
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(readError('timeout', req.name, String(Math.round(limits.timeoutMs / 1000)))),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (reply: WorkerReply) =>
      finish(() => {
        if (reply.ok) resolve({ workbook: reply.workbook, stats: reply.stats });
        else
          reject(
            reply.message
              ? new UserFacingError(reply.code, reply.message)
              : readError('corrupt', req.name),
          );
      }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY')
          reject(
            readError('tooLarge', req.name, `cần hơn ${limits.maxOldGenerationSizeMb} MB bộ nhớ`),
          );
        else {
          console.error('[import-worker]', err);
          reject(readError('readerCrashed', req.name));
        }
      }),
    );
    worker.once('exit', () => finish(() => reject(readError('readerCrashed', req.name))));
    // A copy, transferred: the caller keeps its bytes, and the worker gets them without a second copy.
    const bytes = req.bytes.slice();
    worker.postMessage({ ...req, bytes }, [bytes.buffer]);
  });
}
