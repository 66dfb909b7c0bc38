/**
 * The two halves every hostile-input worker shares. Parent side: start a worker with a heap limit
 * and none of the parent's flags. Worker side: sample the heap while the job runs, for the figures
 * the tests and benches print. Not here: timeouts and messages (each starter owns those).
 */
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { WorkerEntry } from './worker-entry';

export function startLimitedWorker(entry: WorkerEntry, maxOldGenerationSizeMb: number): Worker {
  return new Worker(entry.entry, {
    // Not the parent's flags: under tsx or vitest they load loaders into the worker that cost
    // hundreds of milliseconds and that the worker does not need.
    execArgv: [],
    ...entry.options,
    resourceLimits: { maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
    stdout: false,
    stderr: false,
  });
}

export interface WorkerFigures {
  readonly heapPeakMb: number;
  readonly ms: number;
}

/** Start sampling now; `stop()` takes a last sample, stops, and returns the peak heap and time. */
export function heapSampler(): { stop: () => WorkerFigures } {
  const t0 = performance.now();
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, getHeapStatistics().used_heap_size);
  };
  // Async parsers (exceljs's zip step) yield to the event loop, so the interval sees the climb;
  // synchronous drawing (pdfkit) is covered by the sample taken at the end, with the output in memory.
  const timer = setInterval(sample, 5);
  return {
    stop: () => {
      sample();
      clearInterval(timer);
      return {
        heapPeakMb: Math.round((peak / 1048576) * 10) / 10,
        ms: Math.round(performance.now() - t0),
      };
    },
  };
}
