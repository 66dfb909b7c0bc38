/**
 * Web-mode defences against other web pages on the same machine (DNS rebinding, cross-site
 * requests): the Host header must be one we serve under, and state-changing requests must come
 * from our own origin. Pure so the rules are unit-tested.
 */
export interface GuardConfig {
  readonly port: number;
  /** Extra host names/IPs allowed when venue sharing is on. */
  readonly extraHosts: readonly string[];
}

export function allowedHosts(cfg: GuardConfig): Set<string> {
  const names = ['127.0.0.1', 'localhost', '[::1]', ...cfg.extraHosts];
  return new Set(names.map((n) => `${n}:${cfg.port}`.toLowerCase()));
}

export type GuardVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly status: 400 | 403; readonly reason: string };

export function checkRequest(
  cfg: GuardConfig,
  method: string,
  host: string | undefined,
  origin: string | undefined,
): GuardVerdict {
  const hosts = allowedHosts(cfg);
  if (!host || !hosts.has(host.toLowerCase()))
    return { ok: false, status: 400, reason: 'Host không hợp lệ' };
  if (method !== 'GET' && method !== 'HEAD') {
    if (!origin) return { ok: false, status: 403, reason: 'Thiếu Origin' };
    let o: URL;
    try {
      o = new URL(origin);
    } catch {
      return { ok: false, status: 403, reason: 'Origin không hợp lệ' };
    }
    if (o.protocol !== 'http:' || o.host.toLowerCase() !== host.toLowerCase())
      return { ok: false, status: 403, reason: 'Origin khác nguồn' };
  }
  return { ok: true };
}
