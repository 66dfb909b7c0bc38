/**
 * Node side of the page probe (probe.browser.js): arm a condition, act, wait for the first DOM
 * commit at which it holds; the long tasks in between. Times are the page's clock: t0 is the
 * timestamp of the user's pointerdown or key press, t1 the commit that showed the result.
 */
import type { Locator, Page } from '@playwright/test';

export type Condition =
  | { readonly kind: 'heading'; readonly pattern: string }
  | { readonly kind: 'scoreboard'; readonly rows: number }
  | { readonly kind: 'sheet' }
  | { readonly kind: 'saved'; readonly cell: string; readonly value: number }
  | { readonly kind: 'testid'; readonly id: string }
  /** A download link clicked (more than `after` so far), or a new export message shown. */
  | { readonly kind: 'exported'; readonly after: number };

/** 'pointer': the first pointerdown after arming; a key name: the first keydown of that key. */
export type Trigger = 'pointer' | 'Enter';

export interface Timing {
  readonly t0: number;
  readonly t1: number;
  readonly ms: number;
  /** Longest main-thread task overlapping [t0, t1]; null when the browser cannot tell. */
  readonly longTask: number | null;
}

export class BenchTimeout extends Error {}

interface Probe {
  arm(c: Condition, trigger: Trigger): void;
  wait(ms: number): Promise<Answer>;
  longest(from: number, to: number): number | null;
  downloads(): [number, string, string][];
}

export async function timed(
  page: Page,
  condition: Condition,
  trigger: Trigger,
  action: () => Promise<unknown>,
  timeoutMs: number,
): Promise<Timing> {
  await arm(page, condition, trigger);
  await action();
  return finish(page, condition, await waitArmed(page, timeoutMs));
}

/**
 * Like timed(), for an action that may ask for a confirmation first: when `dialog` shows before
 * the condition holds, `confirm` answers it and the figure starts at that click instead (the one
 * that starts the work), e.g. the confirmation printing provisional results asks for.
 */
export async function timedConfirming(
  page: Page,
  condition: Condition,
  action: () => Promise<unknown>,
  dialog: Locator,
  confirm: () => Promise<unknown>,
  timeoutMs: number,
): Promise<Timing & { confirmed: boolean }> {
  await arm(page, condition, 'pointer');
  await action();
  const done = waitArmed(page, timeoutMs);
  const asked = dialog.waitFor({ state: 'visible', timeout: timeoutMs }).then(
    () => 'dialog' as const,
    () => 'none' as const,
  );
  const first = await Promise.race([done, asked]);
  if (first !== 'dialog')
    return { ...(await finish(page, condition, first as Awaited<typeof done>)), confirmed: false };
  await arm(page, condition, 'pointer'); // ends the first wait
  await done;
  await confirm();
  return { ...(await finish(page, condition, await waitArmed(page, timeoutMs))), confirmed: true };
}

type Answer = { t0: number; t1: number } | { error: string } | { superseded: true };

const arm = (page: Page, c: Condition, t: Trigger) =>
  page.evaluate(([cc, tt]) => (window as unknown as { __gkBench: Probe }).__gkBench.arm(cc, tt), [
    c,
    t,
  ] as const);
const waitArmed = (page: Page, ms: number): Promise<Answer> =>
  page.evaluate((m) => (window as unknown as { __gkBench: Probe }).__gkBench.wait(m), ms);

async function finish(page: Page, condition: Condition, r: Answer): Promise<Timing> {
  if ('error' in r) throw new BenchTimeout(`${describe(condition)}: ${r.error}`);
  if ('superseded' in r) throw new Error(`${describe(condition)}: wait superseded`);
  return { t0: r.t0, t1: r.t1, ms: r.t1 - r.t0, longTask: await longestTask(page, r.t0, r.t1) };
}

/** The longest main-thread task between two page times, after letting the observer deliver. */
export async function longestTask(page: Page, from: number, to: number): Promise<number | null> {
  return page.evaluate(
    async ([a, b]) => {
      await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => setTimeout(r, 0));
      return (window as unknown as { __gkBench: Probe }).__gkBench.longest(a, b);
    },
    [from, to] as const,
  );
}

export const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());

/** Download links the page clicked: [page time, file name, href]. */
export const pageDownloads = (page: Page): Promise<[number, string, string][]> =>
  page.evaluate(() => (window as unknown as { __gkBench: Probe }).__gkBench.downloads());

/** Resolve when the page's main thread has had an idle moment (not a fixed sleep). */
export const idle = (page: Page): Promise<void> =>
  page.evaluate(
    () => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 30_000 })),
  );

function describe(c: Condition): string {
  switch (c.kind) {
    case 'heading':
      return `heading /${c.pattern}/`;
    case 'scoreboard':
      return `scoreboard with ${c.rows} rows`;
    case 'sheet':
      return 'judge sheet with scored cells';
    case 'saved':
      return `cell ${c.cell} saved`;
    case 'testid':
      return `[data-testid=${c.id}]`;
    case 'exported':
      return 'export file or message';
  }
}
