import type { Handlers } from './registry';
import { journalStoreFor } from '../journal/journal-store';

export const journalHandlers: Pick<Handlers, 'journal:append' | 'journal:read' | 'journal:verify'> = {
  'journal:append': async (ctx, contestId, events) => journalStoreFor(ctx.dataDir).append(contestId, events),
  'journal:read': async (ctx, contestId) => journalStoreFor(ctx.dataDir).read(contestId),
  'journal:verify': async (ctx, contestId) => journalStoreFor(ctx.dataDir).verify(contestId),
};
