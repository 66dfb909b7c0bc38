/**
 * Channel names only, without schemas, so the sandboxed preload stays tiny (no zod bundled there).
 * contract.ts checks at compile time that this list and the schemas agree.
 */
export const BRIDGE_KEY = 'giamkhao';

export const CHANNEL_NAMES = [
  'app:getInfo',
  'file:save',
  'file:open',
  'export:scoreboardXlsx',
  'export:certificatesPdf',
  'export:scoreSheetsPdf',
  'export:listXlsx',
  'import:readSpreadsheet',
  'contest:listSnapshots',
  'contest:readSnapshot',
  'journal:append',
  'journal:read',
  'journal:verify',
  'journal:head',
  'journal:checkPrint',
] as const;
