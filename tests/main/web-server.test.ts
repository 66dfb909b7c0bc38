/**
 * The web-mode server over real HTTP on loopback: the bridge answers with the same handlers as
 * Electron, and foreign Hosts/Origins, unknown channels and malformed arguments are refused.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { freePort } from '../e2e/support/web-app';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebServer } from '../../electron/web/server';
import { decodeFromWire, encodeForWire } from '@shared/bridge/codec';

const PORT_PLACEHOLDER = '__PORT__';
let server: Server;
let port: number;
const rendererDir = mkdtempSync(join(tmpdir(), 'gk-renderer-'));

beforeAll(async () => {
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Giám khảo</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const ctx = {
    mode: 'web' as const,
    version: 'test',
    dataDir: mkdtempSync(join(tmpdir(), 'gk-data-')),
    resourcesDir: 'resources',
  };
  port = await freePort();
  server = createWebServer({ ctx, rendererDir, host: '127.0.0.1', port });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function http(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: data, headers: res.headers }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}
const own = () => ({
  Host: `127.0.0.1:${port}`,
  Origin: `http://127.0.0.1:${port}`,
  'Content-Type': 'application/json',
});

describe('web-mode server', () => {
  it('serves the renderer with a strict CSP and nosniff', async () => {
    const r = await http('GET', '/', { Host: `127.0.0.1:${port}` });
    expect(r.status).toBe(200);
    expect(r.body).toContain('Giám khảo');
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a bridge call with the shared handlers', async () => {
    const r = await http('POST', '/api/app:getInfo', own(), encodeForWire([]));
    expect(decodeFromWire(r.body)).toMatchObject({
      ok: true,
      value: { mode: 'web', name: 'Giám khảo' },
    });
  });

  it.each([
    [
      'a DNS-rebinding Host',
      'POST',
      '/api/app:getInfo',
      { Host: `evil.example:${PORT_PLACEHOLDER}` },
      400,
    ],
    ['a missing Origin', 'POST', '/api/app:getInfo', { Origin: '' }, 403],
    ['a cross-site Origin', 'POST', '/api/app:getInfo', { Origin: 'http://evil.example' }, 403],
    ['another local port', 'POST', '/api/app:getInfo', { Origin: 'http://127.0.0.1:1' }, 403],
    [
      'a form post (not JSON)',
      'POST',
      '/api/app:getInfo',
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      415,
    ],
    ['an unknown channel', 'POST', '/api/fs:readAnything', {}, 404],
    ['GET on the API', 'GET', '/api/app:getInfo', {}, 405],
    ['path traversal', 'GET', '/..%2f..%2fetc%2fpasswd', {}, 404],
  ])('refuses %s', async (_name, method, path, override, status) => {
    const headers: Record<string, string> = { ...own(), ...(override as Record<string, string>) };
    if (headers.Host?.includes(PORT_PLACEHOLDER))
      headers.Host = headers.Host.replace(PORT_PLACEHOLDER, String(port));
    if (headers.Origin === '') delete headers.Origin;
    const r = await http(method, path, headers, method === 'POST' ? encodeForWire([]) : undefined);
    expect(r.status).toBe(status);
  });

  it('refuses malformed arguments before any handler runs', async () => {
    const r = await http('POST', '/api/journal:read', own(), encodeForWire(['../../etc/passwd']));
    expect(decodeFromWire(r.body)).toMatchObject({ ok: false, error: { code: 'badArguments' } });
    const r2 = await http(
      'POST',
      '/api/journal:append',
      own(),
      encodeForWire(['c1', [{ v: 1, hack: true }]]),
    );
    expect(decodeFromWire(r2.body)).toMatchObject({ ok: false, error: { code: 'badArguments' } });
  });
});
