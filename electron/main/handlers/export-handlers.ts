import { join } from 'node:path';
import type { Handlers } from './registry';
import { renderInWorker } from '../exports/render-in-worker';
import { checkClaim } from './export-check';

// Results documents pass the independent recount first (export-check.ts). Rendering runs in a worker thread with memory and time limits (render-in-worker.ts), never here.
export const exportHandlers: Pick<
  Handlers,
  'export:scoreboardXlsx' | 'export:certificatesPdf' | 'export:scoreSheetsPdf' | 'export:listXlsx'
> = {
  'export:scoreboardXlsx': async (ctx, doc, claim) => {
    await checkClaim(ctx.dataDir, claim);
    return renderInWorker('scoreboardXlsx', doc, join(ctx.resourcesDir, 'fonts'));
  },
  'export:certificatesPdf': async (ctx, doc, claim) => {
    await checkClaim(ctx.dataDir, claim);
    return renderInWorker('certificatesPdf', doc, join(ctx.resourcesDir, 'fonts'));
  },
  'export:scoreSheetsPdf': async (ctx, doc) =>
    renderInWorker('scoreSheetsPdf', doc, join(ctx.resourcesDir, 'fonts')),
  'export:listXlsx': async (ctx, doc) =>
    renderInWorker('listXlsx', doc, join(ctx.resourcesDir, 'fonts')),
};
