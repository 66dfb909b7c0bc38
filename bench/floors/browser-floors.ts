/**
 * The IndexedDB floors, in the same Chromium profile and on the same origin as the app: a page of
 * the bench's own server that is not the app (a plain 404 text page, so none of the app's scripts
 * run in it) gets the Dexie the app ships and the functions of dexie-floors.browser.js. The floor
 * database is filled once per session and kept, so each read or put floor can be measured right
 * before the app figure it stands beside (the machine's load changes within a run).
 *
 * The floor page is open only during a measurement: while a second window is open, Chromium
 * throttles the app page's animation frames (about one a second here), which would distort the
 * app's figures. Afterwards the app's page is brought to the front again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Session } from '../app/session';

const require = createRequire(import.meta.url);
const DEXIE = readFileSync(require.resolve('dexie/dist/dexie.js'), 'utf8');
const FLOORS = readFileSync(
  join(import.meta.dirname, '..', 'app', 'dexie-floors.browser.js'),
  'utf8',
);

export interface Shape {
  readonly models: number;
  readonly judges: number;
  readonly criteria: number;
  /** Also fill the events table (the bulk floor of the sample load). */
  readonly events: boolean;
}
export interface Populated {
  readonly rows: number;
  readonly stored: number;
  /** One strict transaction of `rows` journal-event-shaped rows (only when asked). */
  readonly bulkEventsMs?: number;
  /** Score rows in 100,000-row strict transactions. */
  readonly bulkScoresMs: number;
}
export interface ReadFloor {
  readonly ms: number;
  readonly rows: number;
}
export interface PutFloor {
  readonly p50: number;
  readonly p95: number;
  readonly n: number;
  readonly stored: number;
}

type Fn = 'populate' | 'readRound' | 'readSheet' | 'puts' | 'drop';

export class DexieFloors {
  constructor(
    private readonly session: Session,
    private readonly shape: Shape,
  ) {}

  /** Open the floor page, attach (or create) the database, run one function, close the page. */
  private async call<T>(fn: Fn, arg?: unknown): Promise<T> {
    const page = await this.session.ctx.newPage();
    try {
      await page.goto(`${this.session.app.url}gk-bench-floor.txt`);
      await page.evaluate(DEXIE);
      await page.evaluate(`window.__gkFloors = ${FLOORS.trim()}; 0`);
      type F = Record<string, (...x: unknown[]) => Promise<unknown>>;
      if (fn !== 'populate')
        await page.evaluate(
          (p) => (window as unknown as { __gkFloors: F }).__gkFloors['attach'](p, false),
          this.shape,
        );
      const r = await page.evaluate(
        ([f, a]) => (window as unknown as { __gkFloors: F }).__gkFloors[f as string](a),
        [fn, arg] as const,
      );
      await page.evaluate(() => (window as unknown as { __gkFloors: F }).__gkFloors['close']());
      return r as T;
    } finally {
      await page.close().catch(() => undefined);
      await this.session.page.bringToFront().catch(() => undefined);
    }
  }

  populate(): Promise<Populated> {
    return this.call('populate', this.shape);
  }
  readRound(n: number): Promise<ReadFloor> {
    return this.call('readRound', n);
  }
  readSheet(n: number): Promise<ReadFloor> {
    return this.call('readSheet', n);
  }
  puts(n: number): Promise<PutFloor> {
    return this.call('puts', n);
  }
  async drop(): Promise<void> {
    await this.call('drop').catch(() => undefined);
  }
}
