/**
 * The import worker thread: reads one spreadsheet (xlsx with exceljs, or CSV) and replies once.
 * It runs with V8 heap limits set by worker-runner.ts, so a file that would exhaust memory kills
 * this thread, not the app. Built as its own entry ('import-worker' in electron.vite.config.ts).
 * Not here: the zip safety checks, done in the main thread before this starts.
 */
import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { UserFacingError } from '../handlers/context';
import { readCsv } from './csv-read';
import { readXlsx } from './xlsx-read';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('import-worker must run as a worker thread');

port.once('message', async (req: WorkerRequest) => {
  const t0 = performance.now();
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, getHeapStatistics().used_heap_size);
  };
  // exceljs yields to the event loop while it inflates and parses, so sampling sees the climb.
  const timer = setInterval(sample, 5);
  const stats = () => (sample(), { heapPeakMb: Math.round((peak / 1048576) * 10) / 10, ms: Math.round(performance.now() - t0) });
  let reply: WorkerReply;
  try {
    const workbook = req.kind === 'xlsx' ? await readXlsx(req.name, req.bytes, req.limits) : readCsv(req.name, req.bytes, req.limits);
    reply = { ok: true, workbook, stats: stats() };
  } catch (err) {
    const expected = err instanceof UserFacingError;
    if (!expected) console.error('[import-worker]', err);
    reply = expected
      ? { ok: false, code: err.code, message: err.message, stats: stats() }
      : { ok: false, code: 'corrupt', message: '', stats: stats() };
  } finally {
    clearInterval(timer);
  }
  port.postMessage(reply);
});
