/**
 * The render worker thread: writes one document (scoreboard .xlsx with exceljs, certificates or
 * score sheets PDF with pdfkit) and replies once with its bytes. It runs under the V8 heap limit and
 * the timer set by render-in-worker.ts, so a pathological document (or a library crashing in a way
 * try/catch cannot stop) ends this thread, never the app. Built as its own entry ('render-worker'
 * in electron.vite.config.ts). Not here: what the documents contain (shared/documents) or layout
 * (the writers).
 */
import { parentPort } from 'node:worker_threads';
import { UserFacingError } from '../handlers/context';
import { writeCertificatesPdf } from './certificates-pdf';
import type { RenderDocs, RenderKind, RenderReply, RenderRequest } from './render-protocol';
import { writeScoreboardXlsx } from './scoreboard-xlsx';
import { writeScoreSheetsPdf } from './score-sheets-pdf';
import { writeListXlsx } from './list-xlsx';
import { heapSampler } from '../workers/limited-worker';

const port = parentPort;
if (!port) throw new Error('render-worker must run as a worker thread');

const writers: {
  readonly [K in RenderKind]: (doc: RenderDocs[K], fontsDir: string) => Promise<Uint8Array>;
} = {
  scoreboardXlsx: (doc) => writeScoreboardXlsx(doc),
  certificatesPdf: writeCertificatesPdf,
  scoreSheetsPdf: writeScoreSheetsPdf,
  listXlsx: (doc) => writeListXlsx(doc),
};

function render<K extends RenderKind>(req: RenderRequest<K>): Promise<Uint8Array> {
  const write = writers[req.kind] as (doc: RenderDocs[K], fontsDir: string) => Promise<Uint8Array>;
  if (!write) throw new Error(`unknown document kind ${String(req.kind)}`);
  return write(req.doc, req.fontsDir);
}

port.once('message', async (req: RenderRequest) => {
  const sampler = heapSampler();
  const stats = sampler.stop;
  let reply: RenderReply;
  try {
    const out = await render(req);
    // Its own buffer, whole, so it can be transferred rather than copied (Buffers may share a pool).
    const bytes =
      out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out : out.slice();
    reply = { ok: true, bytes, stats: stats() };
  } catch (err) {
    const expected = err instanceof UserFacingError;
    if (!expected) console.error('[render-worker]', err);
    reply = expected
      ? { ok: false, code: err.code, message: err.message, stats: stats() }
      : { ok: false, code: 'renderFailed', message: '', stats: stats() };
  }
  port.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []);
});
