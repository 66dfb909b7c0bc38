/**
 * Renders one document in a fresh worker thread (render-worker.ts) with a V8 heap limit and a timer
 * that terminates it, so exceljs without a memory bound, or pdfkit stuck or crashing on a bad input,
 * costs a refused export with a Vietnamese message, never the app (reliability.md). One worker per
 * document, thrown away after: nothing one document did lingers for the next.
 * Not here: where the worker file is (workers/worker-entry.ts) or what it draws (the writers).
 */

import { UserFacingError } from '../handlers/context';
import { startLimitedWorker } from '../workers/limited-worker';
import { workerEntryFor, type WorkerEntry } from '../workers/worker-entry';
import type { RenderDocs, RenderKind, RenderReply, RenderStats } from './render-protocol';

export interface RenderLimits {
  /** The worker is terminated after this long, start-up included. */
  readonly timeoutMs: number;
  /** V8 old-generation heap of the worker. */
  readonly maxOldGenerationSizeMb: number;
}

/**
 * Generous for real work (1,000 certificate pages take about a second, a 1,045-model scoreboard
 * a few), small enough that a runaway render is stopped long before the user gives up on the app.
 */
export const DEFAULT_RENDER_LIMITS: RenderLimits = {
  timeoutMs: 120_000,
  maxOldGenerationSizeMb: 1024,
};

export interface RenderOptions {
  readonly limits?: Partial<RenderLimits>;
  /** Tests point this at a stand-in worker (one that hangs or crashes); the app never sets it. */
  readonly workerEntry?: WorkerEntry;
}

export interface RenderRun {
  readonly bytes: Uint8Array;
  readonly stats: RenderStats;
}

const LABELS: Readonly<Record<RenderKind, string>> = {
  scoreboardXlsx: 'bảng tổng hợp điểm (.xlsx)',
  certificatesPdf: 'tệp giấy khen (PDF)',
  scoreSheetsPdf: 'tệp phiếu chấm điểm (PDF)',
  listXlsx: 'danh sách (.xlsx)',
};
const SAFE = 'Dữ liệu đã lưu không bị ảnh hưởng.';
const SPLIT = 'Hãy xuất từng phần nhỏ hơn (từng cụm thi, từng nhóm giải) rồi thử lại.';

export type RenderErrorCode = 'renderTimeout' | 'renderTooLarge' | 'renderCrashed' | 'renderFailed';

export function renderError(code: RenderErrorCode, kind: RenderKind, detail = ''): UserFacingError {
  const what = LABELS[kind];
  const messages: Record<RenderErrorCode, string> = {
    renderTimeout: `Tạo ${what} mất quá ${detail} giây nên đã dừng. ${SPLIT} ${SAFE}`,
    renderTooLarge: `${what[0].toUpperCase()}${what.slice(1)} quá lớn để tạo an toàn (cần hơn ${detail} MB bộ nhớ). ${SPLIT} ${SAFE}`,
    renderCrashed: `Không tạo được ${what}: bộ tạo tài liệu dừng bất thường. ${SAFE} Hãy thử lại; nếu vẫn lỗi, hãy báo cho người hỗ trợ kỹ thuật.`,
    renderFailed: `Không tạo được ${what} do lỗi không mong đợi. ${SAFE} Hãy thử lại; nếu vẫn lỗi, hãy báo cho người hỗ trợ kỹ thuật.`,
  };
  return new UserFacingError(code, messages[code]);
}

let live = 0;
/** Render workers running now: 0 once every render has ended, whichever way (tests check it). */
export const liveRenderWorkers = (): number => live;

export function renderInWorkerWithStats<K extends RenderKind>(
  kind: K,
  doc: RenderDocs[K],
  fontsDir: string,
  options: RenderOptions = {},
): Promise<RenderRun> {
  const limits: RenderLimits = { ...DEFAULT_RENDER_LIMITS, ...options.limits };
  const entry = options.workerEntry ?? workerEntryFor('render-worker', import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = startLimitedWorker(entry, limits.maxOldGenerationSizeMb);
    live++;
    const exited = new Promise<void>((done) => worker.once('exit', () => done()));
    void exited.then(() => live--);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Settle only once the thread is gone: a stuck render must not keep burning CPU or memory
      // behind an error the user has already seen.
      void worker.terminate().finally(() => void exited.then(outcome));
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(renderError('renderTimeout', kind, String(Math.ceil(limits.timeoutMs / 1000)))),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (reply: RenderReply) =>
      finish(() => {
        if (reply.ok) resolve({ bytes: reply.bytes, stats: reply.stats });
        else
          reject(
            reply.message
              ? new UserFacingError(reply.code, reply.message)
              : renderError('renderFailed', kind),
          );
      }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY')
          reject(renderError('renderTooLarge', kind, String(limits.maxOldGenerationSizeMb)));
        else {
          console.error('[render-worker]', err);
          reject(renderError('renderCrashed', kind));
        }
      }),
    );
    worker.once('exit', () => finish(() => reject(renderError('renderCrashed', kind))));
    worker.postMessage({ kind, doc, fontsDir });
  });
}

/** The document's bytes, rendered off the main thread; expected failures are UserFacingError. */
export async function renderInWorker<K extends RenderKind>(
  kind: K,
  doc: RenderDocs[K],
  fontsDir: string,
  options?: RenderOptions,
): Promise<Uint8Array> {
  return (await renderInWorkerWithStats(kind, doc, fontsDir, options)).bytes;
}
