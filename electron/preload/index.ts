/**
 * Preload: exposes the bridge as `window.giamkhao`, one function per channel. ipcRenderer itself
 * never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, CHANNEL_NAMES } from '../../shared/bridge/channels';

const api = Object.fromEntries(
  CHANNEL_NAMES.map((ch) => [ch, (...args: unknown[]) => ipcRenderer.invoke(ch, ...args)]),
);
contextBridge.exposeInMainWorld(BRIDGE_KEY, Object.freeze(api));
