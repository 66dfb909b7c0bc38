import type { Handlers } from './registry';
import { readSpreadsheet } from '../import/read-spreadsheet';

export const importHandlers: Pick<Handlers, 'import:readSpreadsheet'> = {
  'import:readSpreadsheet': async (_ctx, req) => readSpreadsheet(req.name, req.bytes),
};
