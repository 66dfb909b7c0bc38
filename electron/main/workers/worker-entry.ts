/**
 * Where a worker thread's code is, for any worker that sits beside the module starting it.
 * Bundled (electron-vite writes out/main/<name>.js beside the entry that imports the starter, or one
 * folder up when the starter lands in a chunk) we start the .js; from source (vitest, tsx: the
 * starter's URL ends in .ts) we start the .ts through tsx. Node 20 does not apply `--import tsx`
 * loader hooks inside worker threads, so the source path boots with tsx's require hook (`tsx/cjs`).
 * Not here: limits, timeouts or messages (each starter owns those: import/worker-runner.ts,
 * exports/render-in-worker.ts).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

export interface WorkerEntry {
  readonly entry: string | URL;
  readonly options: WorkerOptions;
}

/** The worker `name` (file name without extension) next to the module at `moduleUrl`. */
export function workerEntryFor(name: string, moduleUrl: string): WorkerEntry {
  if (/\.[mc]?ts$/.test(new URL(moduleUrl).pathname)) {
    const source = fileURLToPath(new URL(`./${name}.ts`, moduleUrl));
    const tsx = createRequire(moduleUrl).resolve('tsx/cjs');
    return {
      entry: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`,
      options: { eval: true },
    };
  }
  const candidates = [`./${name}.js`, `../${name}.js`].map((p) => new URL(p, moduleUrl));
  return { entry: candidates.find((u) => existsSync(u)) ?? candidates[0], options: {} };
}
