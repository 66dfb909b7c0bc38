/**
 * Web mode: serves the built renderer and answers the bridge over HTTP (POST /api/<channel>, body
 * = JSON array of arguments) with the same dispatch() Electron's IPC uses. Listens on loopback
 * unless venue sharing is turned on. Not a general web server: only files under the renderer
 * folder, only known channels.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { decodeFromWire, encodeForWire } from '../../shared/bridge/codec';
import type { HandlerContext } from '../main/handlers/context';
import { dispatch, isChannel } from '../main/handlers/dispatch';
import { CSP } from '../main/window/csp';
import { checkRequest, type GuardConfig } from './request-guard';

const MAX_BODY = 300 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export interface WebServerOptions {
  readonly ctx: HandlerContext;
  readonly rendererDir: string;
  readonly host: string;
  readonly port: number;
  readonly extraHosts?: readonly string[];
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveStatic(
  res: ServerResponse,
  rendererDir: string,
  urlPath: string,
): Promise<void> {
  const rel = decodeURIComponent(urlPath.split('?')[0]).replace(/^\/+/, '') || 'index.html';
  const full = normalize(join(rendererDir, rel));
  if (!full.startsWith(normalize(rendererDir) + sep))
    return send(res, 404, 'Not found', 'text/plain');
  try {
    const data = await readFile(full);
    send(res, 200, data, TYPES[extname(full)] ?? 'application/octet-stream');
  } catch {
    // Client-side routes fall back to the app shell.
    if (!extname(full))
      return send(res, 200, await readFile(join(rendererDir, 'index.html')), TYPES['.html']);
    send(res, 404, 'Not found', 'text/plain');
  }
}

export function createWebServer(opts: WebServerOptions): Server {
  const guard: GuardConfig = { port: opts.port, extraHosts: opts.extraHosts ?? [] };
  return createServer(async (req, res) => {
    try {
      const verdict = checkRequest(
        guard,
        req.method ?? 'GET',
        req.headers.host,
        req.headers.origin,
      );
      if (!verdict.ok)
        return send(res, verdict.status, verdict.reason, 'text/plain; charset=utf-8');
      const path = (req.url ?? '/').split('?')[0];
      if (path.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain');
        const channel = path.slice('/api/'.length);
        if (!isChannel(channel))
          return send(
            res,
            404,
            encodeForWire({
              ok: false,
              error: { code: 'unknownChannel', message: 'Yêu cầu không hợp lệ.' },
            }),
            'application/json',
          );
        if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
          return send(res, 415, 'JSON only', 'text/plain');
        const body = await readBody(req);
        if (body === null) return send(res, 413, 'Too large', 'text/plain');
        let args: unknown;
        try {
          args = decodeFromWire(body);
        } catch {
          return send(
            res,
            400,
            encodeForWire({
              ok: false,
              error: { code: 'badJson', message: 'Dữ liệu gửi lên không đọc được.' },
            }),
            'application/json',
          );
        }
        const result = await dispatch(opts.ctx, channel, args);
        return send(res, 200, encodeForWire(result), 'application/json');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return send(res, 405, 'Method not allowed', 'text/plain');
      await serveStatic(res, opts.rendererDir, path);
    } catch (err) {
      console.error('[web]', err);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain');
    }
  });
}
