import { join } from 'node:path';
import type { Handlers } from './registry';
import { writeScoreboardXlsx } from '../exports/scoreboard-xlsx';
import { writeCertificatesPdf } from '../exports/certificates-pdf';

export const exportHandlers: Pick<Handlers, 'export:scoreboardXlsx' | 'export:certificatesPdf'> = {
  'export:scoreboardXlsx': async (_ctx, doc) => writeScoreboardXlsx(doc),
  'export:certificatesPdf': async (ctx, doc) => writeCertificatesPdf(doc, join(ctx.resourcesDir, 'fonts')),
};
