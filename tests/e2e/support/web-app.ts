/**
 * Starts the real web-mode server (the built app, `node out/main/web.js`) on a free loopback port
 * with its own temporary data folder, and stops it. Each test gets its own server and data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

export interface WebApp {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
  /** Kill -9: a power cut for the server. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

export async function startWebApp(opts: { dataDir?: string; port?: number } = {}): Promise<WebApp> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'giamkhao-e2e-'));
  const port = opts.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [join(root, process.env['GK_OUT'] ?? 'out', 'main/web.js')],
    {
      cwd: root,
      env: {
        ...process.env,
        GIAMKHAO_PORT: String(port),
        GIAMKHAO_DATA_DIR: dataDir,
        GIAMKHAO_RESOURCES_DIR: join(root, 'resources'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`web server did not start:\n${log}`)), 20_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      if (log.includes('đang chạy')) {
        clearTimeout(timer);
        res();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) => rej(new Error(`web server exited ${code}:\n${log}`)));
  });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    dataDir,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
