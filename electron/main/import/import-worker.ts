/**
 * The import worker thread: reads one spreadsheet (xlsx with exceljs, or CSV) and replies once.
 * It runs with V8 heap limits set by worker-runner.ts, so a file that would exhaust memory kills
 * this thread, not the app. Built as its own entry ('import-worker' in electron.vite.config.ts).
 * Not here: the zip safety checks, done in the main thread before this starts.
 */
import { parentPort } from 'node:worker_threads';
import { UserFacingError } from '../handlers/context';
import { readCsv } from './csv-read';
import { readXlsx } from './xlsx-read';
import type { WorkerReply, WorkerRequest } from './worker-protocol';
import { heapSampler } from '../workers/limited-worker';

const port = parentPort;
if (!port) throw new Error('import-worker must run as a worker thread');

port.once('message', async (req: WorkerRequest) => {
  const sampler = heapSampler();
  const stats = sampler.stop;
  let reply: WorkerReply;
  try {
    const workbook =
      req.kind === 'xlsx'
        ? await readXlsx(req.name, req.bytes, req.limits)
        : readCsv(req.name, req.bytes, req.limits);
    reply = { ok: true, workbook, stats: stats() };
  } catch (err) {
    const expected = err instanceof UserFacingError;
    if (!expected) console.error('[import-worker]', err);
    reply = expected
      ? { ok: false, code: err.code, message: err.message, stats: stats() }
      : { ok: false, code: 'corrupt', message: '', stats: stats() };
  }
  port.postMessage(reply);
});
