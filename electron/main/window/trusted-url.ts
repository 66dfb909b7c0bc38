/**
 * The only URLs the app window may show: its own renderer (the dev server in development, or the
 * packaged index.html). Everything else — other hosts, look-alikes, javascript:, data:, other
 * file:// paths — is refused. Kept tiny and pure so it is tested directly.
 */
export function isTrustedAppUrl(raw: string, appUrl: string): boolean {
  let url: URL;
  let app: URL;
  try {
    url = new URL(raw);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (url.protocol !== app.protocol) return false;
  if (app.protocol === 'file:') return url.pathname === app.pathname;
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return url.host === app.host && url.username === '' && url.password === '';
}
