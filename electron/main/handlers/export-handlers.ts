import { join } from 'node:path';
import type { Handlers } from './registry';
import { renderInWorker } from '../exports/render-in-worker';

// Rendering runs in a worker thread with memory and time limits (render-in-worker.ts), never here.
export const exportHandlers: Pick<Handlers, 'export:scoreboardXlsx' | 'export:certificatesPdf' | 'export:scoreSheetsPdf' | 'export:listXlsx'> = {
  'export:scoreboardXlsx': async (ctx, doc) => renderInWorker('scoreboardXlsx', doc, join(ctx.resourcesDir, 'fonts')),
  'export:certificatesPdf': async (ctx, doc) => renderInWorker('certificatesPdf', doc, join(ctx.resourcesDir, 'fonts')),
  'export:scoreSheetsPdf': async (ctx, doc) => renderInWorker('scoreSheetsPdf', doc, join(ctx.resourcesDir, 'fonts')),
  'export:listXlsx': async (ctx, doc) => renderInWorker('listXlsx', doc, join(ctx.resourcesDir, 'fonts')),
};
