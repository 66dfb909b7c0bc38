/**
 * Messages between the main side and the import worker: one request (a file's bytes and the limits
 * to read it under) and one reply (the raw workbook or an expected failure, with the worker's
 * memory figure either way). Plain data, so it crosses the thread boundary by structured clone.
 * Not here: starting or stopping the worker (worker-runner.ts).
 */
import type { RawWorkbook } from '../../../shared/import/types';
import type { ReadLimits } from './limits';

export interface WorkerRequest {
  readonly kind: 'xlsx' | 'csv';
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly limits: ReadLimits;
}

export interface WorkerStats {
  /** Highest V8 heap use seen in the worker while reading, in MB. */
  readonly heapPeakMb: number;
  readonly ms: number;
}

export type WorkerReply =
  | { readonly ok: true; readonly workbook: RawWorkbook; readonly stats: WorkerStats }
  | {
      readonly ok: false;
      readonly code: string;
      readonly message: string;
      readonly stats: WorkerStats;
    };
