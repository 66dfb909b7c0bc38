/**
 * One bench session: the built web-mode server (GK_OUT, default out-bench) with its own data folder
 * and port, and Debian's Chromium with its own on-disk profile (a persistent context, so IndexedDB
 * is written to disk as for a real user, not kept in memory as in an incognito context), the probe
 * installed in every page. close() stops both, by their own handles, and removes the folders.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebApp, type WebApp } from '../../tests/e2e/support/web-app';

const PROBE = readFileSync(join(import.meta.dirname, 'probe.browser.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  readonly app: WebApp;
  readonly ctx: BrowserContext;
  readonly page: Page;
  readonly profile: string;
  readonly downloads: string;
  /** The server's last output lines and, once it has exited, its exit code (for error messages). */
  serverTail(): string;
  close(): Promise<void>;
}

const open = new Set<Session>();

export async function startSession(): Promise<Session> {
  const app = await startWebApp();
  let tail = '';
  const keep = (d: Buffer) => (tail = (tail + d.toString()).slice(-2000));
  app.process.stdout?.on('data', keep);
  app.process.stderr?.on('data', keep);
  const profile = mkdtempSync(join(tmpdir(), 'gk-bench-profile-'));
  const downloads = mkdtempSync(join(tmpdir(), 'gk-bench-downloads-'));
  let ctx: BrowserContext;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
      locale: 'vi-VN',
      acceptDownloads: true,
      downloadsPath: downloads,
    });
  } catch (err) {
    await app.stop();
    throw err;
  }
  await ctx.addInitScript({ content: PROBE });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.setDefaultTimeout(120_000);
  const session: Session = {
    app,
    ctx,
    page,
    profile,
    downloads,
    serverTail: () =>
      `${app.process.exitCode !== null || app.process.signalCode ? `server exited (${app.process.exitCode ?? app.process.signalCode}); ` : ''}${tail.trim().split('\n').slice(-5).join(' | ')}`,
    async close() {
      open.delete(session);
      await ctx.close().catch(() => undefined);
      await app.stop().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
      rmSync(app.dataDir, { recursive: true, force: true });
    },
  };
  open.add(session);
  return session;
}

/** On an interrupted run: stop whatever is still open (each by its own handle). */
export async function closeAll(): Promise<void> {
  for (const s of [...open]) await s.close();
}
