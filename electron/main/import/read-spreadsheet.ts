/**
 * The one gate for spreadsheets coming from outside: look at the bytes (not the name), refuse what
 * is not an .xlsx or a CSV with a message naming the file, check an .xlsx zip before any parser
 * touches it, then read it in a worker thread with memory and time limits. Expected failures throw
 * UserFacingError (Vietnamese); the handler turns them into `{ok: false}`.
 * Not here: column mapping and validation, which are pure (shared/import).
 */
import type { RawWorkbook } from '../../../shared/import/types';
import { DEFAULT_LIMITS, readError, type ReadLimits } from './limits';
import { sniff } from './sniff';
import { checkXlsxZip } from './zip-check';
import { runImportWorker, type WorkerEntry, type WorkerRun } from './worker-runner';

export interface ReadOptions {
  readonly limits?: Partial<ReadLimits>;
  /** Tests point this at a bundled worker; the app never sets it. */
  readonly workerEntry?: WorkerEntry;
}

/** Read with the worker's figures (peak memory, time) for tests and benchmarks. */
export async function readSpreadsheetWithStats(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<WorkerRun> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const kind = sniff(bytes);
  switch (kind.kind) {
    case 'empty':
      throw readError('emptyFile', name);
    case 'encrypted':
      throw readError('encrypted', name);
    case 'legacyXls':
      throw readError('legacyXls', name);
    case 'other':
      throw readError('notSpreadsheet', name, kind.what);
    case 'binary':
      throw readError('notSpreadsheet', name);
    case 'zip':
      await checkXlsxZip(name, bytes, limits);
      return runImportWorker({ kind: 'xlsx', name, bytes, limits }, limits, options.workerEntry);
    case 'text':
      if (bytes.byteLength > limits.maxCsvBytes)
        throw readError('tooLarge', name, `hơn ${Math.round(limits.maxCsvBytes / 1048576)} MB`);
      return runImportWorker({ kind: 'csv', name, bytes, limits }, limits, options.workerEntry);
    default: {
      const never: never = kind;
      throw new Error(`unhandled file kind ${JSON.stringify(never)}`);
    }
  }
}

export async function readSpreadsheet(
  name: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<RawWorkbook> {
  return (await readSpreadsheetWithStats(name, bytes, options)).workbook;
}
