/**
 * Electron main entry: wires the secure window, the IPC bridge and the dialogs. Nothing else lives
 * here; the work is in handlers/ (shared with web mode).
 */
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HandlerContext } from './handlers/context';
import { registerIpc } from './ipc';
import { createSecureWindow, hardenSession } from './window/secure-window';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererUrl =
  process.env['ELECTRON_RENDERER_URL'] ?? pathToFileURL(join(here, '../renderer/index.html')).href;
const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  xlsx: { name: 'Bảng tính Excel', extensions: ['xlsx'] },
  pdf: { name: 'Tài liệu PDF', extensions: ['pdf'] },
  csv: { name: 'Tệp CSV', extensions: ['csv'] },
  json: { name: 'Tệp JSON', extensions: ['json'] },
};

app.enableSandbox();

app.whenReady().then(() => {
  hardenSession();
  const ctx: HandlerContext = {
    mode: 'electron',
    version: app.getVersion(),
    dataDir: process.env['GIAMKHAO_DATA_DIR'] ?? app.getPath('userData'),
    resourcesDir: app.isPackaged
      ? join(process.resourcesPath, 'resources')
      : join(here, '../../resources'),
    chooseSavePath: async (suggestedName, kind) => {
      const win = BrowserWindow.getFocusedWindow();
      const opts = { defaultPath: suggestedName, filters: FILTERS[kind] ? [FILTERS[kind]] : [] };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    chooseOpenFile: async (kinds) => {
      const r = await dialog.showOpenDialog({
        properties: ['openFile'],
        filters: kinds.map((k) => FILTERS[k]).filter(Boolean),
      });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
  registerIpc(ctx, rendererUrl);
  createSecureWindow(rendererUrl, join(here, '../preload/index.cjs')).loadURL(rendererUrl);
});

app.on('window-all-closed', () => app.quit());
