import type { Handlers } from './registry';
import { journalStoreFor } from '../journal/journal-store';
import { refreshSetupCopy } from '../journal/setup-copy';
import { hash as nodeHash } from 'node:crypto';
import { checkPrintout } from '../../../shared/journal/printout';

export const journalHandlers: Pick<
  Handlers,
  'journal:append' | 'journal:read' | 'journal:verify' | 'journal:head' | 'journal:checkPrint'
> = {
  'journal:append': async (ctx, contestId, events) => {
    const store = journalStoreFor(ctx.dataDir);
    const ack = await store.append(contestId, events);
    // The setup copy on disk follows the journal; its failure never fails the append (the journal has it all).
    const setupCopy = await refreshSetupCopy(ctx.dataDir, store, contestId, events);
    return setupCopy ? { ...ack, setupCopy } : ack;
  },
  'journal:read': async (ctx, contestId) => journalStoreFor(ctx.dataDir).read(contestId),
  'journal:verify': async (ctx, contestId) => journalStoreFor(ctx.dataDir).verify(contestId),
  'journal:head': async (ctx, contestId) => journalStoreFor(ctx.dataDir).head(contestId),
  /**
   * “Kiểm tra bản in”: the events the printout's code was computed from are what read() returns
   * (intact lines once, file order), so the prefix search runs on exactly those; the file's own
   * check says whether lines are damaged, which the answer must mention. Only the summary and at
   * most PRINT_LIST_LIMIT events go back to the renderer, never the journal.
   */
  'journal:checkPrint': async (ctx, contestId, req) => {
    const { events, check: integrity } = await journalStoreFor(ctx.dataDir).inspect(contestId);
    return checkPrintout(events, req.code, {
      roundId: req.roundId,
      integrity,
      sha256Hex: (t) => nodeHash('sha256', t, 'hex'),
    });
  },
};
