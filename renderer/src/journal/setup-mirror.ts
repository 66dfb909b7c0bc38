/**
 * Sends a contest's setup to the main side after each change (coalesced per contest), so the copy
 * on disk follows the database. A failed send is retried with the next change and reported.
 */
import type { Bridge } from '@shared/bridge/contract';
import type { ContestBundle } from '@shared/model/bundle';
import type { ContestId } from '@shared/model/types';

export function createSetupMirror(load: (id: ContestId) => Promise<ContestBundle | undefined>, bridge: Bridge, delayMs = 150) {
  const timers = new Map<ContestId, ReturnType<typeof setTimeout>>();
  const inFlight = new Map<ContestId, Promise<void>>();
  let lastError: string | null = null;

  async function send(id: ContestId): Promise<void> {
    const bundle = await load(id);
    if (!bundle) return;
    const r = await bridge['contest:saveSnapshot'](id, bundle);
    lastError = r.ok ? null : r.error.message;
  }

  return {
    schedule(id: ContestId): void {
      clearTimeout(timers.get(id));
      timers.set(id, setTimeout(() => {
        timers.delete(id);
        const prev = inFlight.get(id) ?? Promise.resolve();
        inFlight.set(id, prev.then(() => send(id)).catch(() => undefined));
      }, delayMs));
    },
    /** Send now and wait (used before exports and in tests). */
    async flush(id: ContestId): Promise<void> {
      clearTimeout(timers.get(id));
      timers.delete(id);
      await (inFlight.get(id) ?? Promise.resolve());
      await send(id);
    },
    lastError: () => lastError,
  };
}

export type SetupMirror = ReturnType<typeof createSetupMirror>;
