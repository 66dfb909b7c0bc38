/**
 * Channel → handler. Each handler group lives in its own module; this file only wires them.
 */
import type { Bridge, Channel } from '../../../shared/bridge/contract';
import type { HandlerContext } from './context';
import { appHandlers } from './app-handlers';
import { fileHandlers } from './file-handlers';
import { exportHandlers } from './export-handlers';
import { importHandlers } from './import-handlers';
import { journalHandlers } from './journal-handlers';
import { contestHandlers } from './contest-handlers';

type Unwrap<T> = T extends Promise<{ ok: true; value: infer V } | { ok: false }> ? V : never;
/** A handler takes the host context and the channel's (validated) arguments and returns the value. */
export type Handlers = {
  [C in Channel]: (
    ctx: HandlerContext,
    ...args: Parameters<Bridge[C]>
  ) => Promise<Unwrap<ReturnType<Bridge[C]>>>;
};

export const handlers: Handlers = {
  ...appHandlers,
  ...fileHandlers,
  ...exportHandlers,
  ...importHandlers,
  ...journalHandlers,
  ...contestHandlers,
};
