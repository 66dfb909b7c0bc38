import type { Handlers } from './registry';

export const appHandlers: Pick<Handlers, 'app:getInfo'> = {
  'app:getInfo': async (ctx) => ({
    name: 'Giám khảo',
    version: ctx.version,
    mode: ctx.mode,
    dataDir: ctx.dataDir,
  }),
};
