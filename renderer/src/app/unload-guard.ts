/**
 * Closing the window (or the app) while changes are not yet in the journal file: send them now,
 * and in web mode ask first (the browser's own "leave this page?" question), so the secretary can
 * stay until the journal has them. In Electron the renderer only sends: there a cancelled unload
 * silently keeps the window open unless the main side asks the user (`will-prevent-unload`).
 *
 * Not here: the saving itself (journal/score-saver.ts).
 */
import type { ScoreSaver } from '../journal/score-saver';

type Events = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export function installUnloadGuard(
  saver: Pick<ScoreSaver, 'unsent' | 'flush'>,
  mode: 'web' | 'electron' | null,
  target: Events = window,
  doc: Events & { readonly visibilityState: DocumentVisibilityState } = document,
): () => void {
  const sendNow = () => {
    for (const id of saver.unsent()) void saver.flush(id);
  };
  const onBeforeUnload = (ev: Event) => {
    if (saver.unsent().length === 0) return;
    sendNow();
    if (mode === 'electron') return;
    ev.preventDefault();
    if (typeof BeforeUnloadEvent !== 'undefined' && ev instanceof BeforeUnloadEvent)
      ev.returnValue = ''; // older Chromium asks only then
  };
  // Hidden (tab switched, window minimised, about to be discarded): a good moment to send.
  const onHidden = () => {
    if (doc.visibilityState === 'hidden') sendNow();
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  target.addEventListener('pagehide', sendNow);
  doc.addEventListener('visibilitychange', onHidden);
  return () => {
    target.removeEventListener('beforeunload', onBeforeUnload);
    target.removeEventListener('pagehide', sendNow);
    doc.removeEventListener('visibilitychange', onHidden);
  };
}
