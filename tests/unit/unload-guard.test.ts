/**
 * Closing the window with changes not yet in the journal: web mode asks first (the browser's
 * "leave this page?"), every mode sends them at once; with nothing unsent, closing is silent.
 */
import { describe, expect, it } from 'vitest';
import type { ContestId } from '@shared/model/types';
import { installUnloadGuard } from '../../renderer/src/app/unload-guard';

function fakes(unsent: string[]) {
  const flushed: string[] = [];
  const saver = {
    unsent: () => unsent as ContestId[],
    flush: async (id: ContestId) => {
      flushed.push(id);
      return { ok: true };
    },
  };
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), {
    visibilityState: 'visible' as DocumentVisibilityState,
  });
  const close = () => {
    const ev = new Event('beforeunload', { cancelable: true });
    win.dispatchEvent(ev);
    return ev.defaultPrevented;
  };
  return { saver, win, doc, flushed, close };
}

describe('closing with changes not yet in the journal', () => {
  it('web mode asks before leaving and sends what waits', () => {
    const f = fakes(['c1', 'c2']);
    installUnloadGuard(f.saver, 'web', f.win, f.doc);
    expect(f.close()).toBe(true);
    expect(f.flushed).toEqual(['c1', 'c2']);
  });

  it('nothing unsent: closes without asking, sends nothing', () => {
    const f = fakes([]);
    installUnloadGuard(f.saver, 'web', f.win, f.doc);
    expect(f.close()).toBe(false);
    expect(f.flushed).toEqual([]);
  });

  it('Electron sends but does not cancel the close (a cancelled unload there would keep the window open without a word)', () => {
    const f = fakes(['c1']);
    installUnloadGuard(f.saver, 'electron', f.win, f.doc);
    expect(f.close()).toBe(false);
    expect(f.flushed).toEqual(['c1']);
  });

  it('hiding the page sends what waits; uninstalling stops listening', () => {
    const f = fakes(['c1']);
    const stop = installUnloadGuard(f.saver, 'web', f.win, f.doc);
    f.doc.visibilityState = 'hidden';
    f.doc.dispatchEvent(new Event('visibilitychange'));
    f.win.dispatchEvent(new Event('pagehide'));
    expect(f.flushed).toEqual(['c1', 'c1']);
    stop();
    expect(f.close()).toBe(false);
    expect(f.flushed).toHaveLength(2);
  });
});
