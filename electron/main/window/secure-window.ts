/**
 * The one factory for app windows: sandboxed, context-isolated, no Node in the renderer, web
 * security on, navigation and new windows refused outside the app, every permission request
 * denied. The CSP itself lives in renderer/index.html and is also sent as a response header.
 */
import { BrowserWindow, session, shell } from 'electron';
import { CSP } from './csp';
import { SECURE_WEB_PREFERENCES } from './web-preferences';
import { isTrustedAppUrl } from './trusted-url';

export function createSecureWindow(appUrl: string, preloadPath: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    show: false,
    title: 'Giám khảo',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: preloadPath },
  });
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Only plain web links may leave the app, and only to the system browser.
    if (/^https?:\/\//i.test(url) && !isTrustedAppUrl(url, appUrl)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  return win;
}

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}
