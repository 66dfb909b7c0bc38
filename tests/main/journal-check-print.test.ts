/**
 * "Kiểm tra bản in" on the main side, through the same dispatch that IPC and web mode use: the
 * journal file on disk is read there and only the summary comes back. A forger who rewrites a
 * score and re-seals the chain on disk passes "Kiểm tra toàn vẹn" but not this check.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/main/handlers/dispatch';
import type { HandlerContext } from '../../electron/main/handlers/context';
import { journalPath } from '../../electron/main/journal/journal-store';
import type { AppendAck, JournalCheck, Result } from '../../shared/bridge/contract';
import { hash as nodeHash } from 'node:crypto';
import { canonicalJson, chainHead, GENESIS, type JournalEvent } from '../../shared/journal/event';
import type { PrintCheck } from '../../shared/journal/printout';
import { aDevice } from '../unit/journal-builders';
import { forgeText } from '../support/forge-journal';

let dir: string;
let ctx: HandlerContext;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gk-check-print-'));
  ctx = { mode: 'web', version: 'test', dataDir: dir, resourcesDir: dir };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const C = 'c1';

/**
 * A big award round as the file holds it: 1,045 models × 9 judges × 10 criteria, each judge on
 * their own laptop, the nine chains interleaved. Sealed like seal() does, with node:crypto for speed.
 */
function bigRound(): JournalEvent[] {
  const out: JournalEvent[] = [];
  const prev = new Array<string>(9).fill(GENESIS);
  let seq = 0;
  for (let m = 0; m < 1045; m++) {
    seq++;
    for (let c = 0; c < 10; c++) {
      for (let j = 0; j < 9; j++) {
        const body = {
          v: 1 as const,
          contestId: C,
          roundId: 'r-binh-xet',
          judgeId: `gk-${j}`,
          entrantId: `mo-hinh-${m}`,
          criterionId: `tc-${c}`,
          kind: 'enter' as const,
          steps: (m * 7 + j * 3 + c) % 21,
          pass: null,
          by: { role: 'judge' as const, name: `Giám khảo ${j + 1}` },
          deviceId: `may-${j}`,
          seq: (seq - 1) * 10 + c + 1,
          at: '2025-05-12T09:00:00.000Z',
          reason: null,
          prev: prev[j],
        };
        const e = { ...body, hash: nodeHash('sha256', canonicalJson(body), 'hex') };
        prev[j] = e.hash;
        out.push(e);
      }
    }
  }
  return out;
}
const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
};
const checkPrint = async (code: string, roundId: string | null = 'r1') =>
  value<PrintCheck>(await dispatch(ctx, 'journal:checkPrint', [C, { code, roundId }]));

describe('journal:checkPrint', () => {
  it('printed → one more score → forged on disk and re-sealed: khớp, then the score listed, then not found', async () => {
    const a = aDevice('A');
    const ack = value<AppendAck>(
      await dispatch(ctx, 'journal:append', [
        C,
        [a.emit({ steps: 17 }), a.emit({ entrantId: 'e2', steps: 15 })],
      ]),
    );
    const printed = `Mã kiểm tra nhật ký chấm điểm: ${ack.head}`;

    expect(await checkPrint(printed)).toMatchObject({
      status: 'found',
      matches: true,
      cut: { events: 2, line: 2 },
      damage: null,
      since: { events: 0 },
    });

    await dispatch(ctx, 'journal:append', [C, [a.emit({ entrantId: 'e3', steps: 12 })]]);
    const after = await checkPrint(printed);
    expect(after).toMatchObject({
      status: 'found',
      matches: false,
      cut: { events: 2 },
      since: { events: 1, affecting: 1, entrants: ['e3'] },
    });
    expect(after.status === 'found' && after.since.listed.map((l) => l.event.seq)).toEqual([3]);

    // The forger edits the file: A's 15 for e2 becomes 20, and every later hash is recomputed.
    const file = journalPath(dir, C);
    await writeFile(file, forgeText(await readFile(file, 'utf8'), 1, { steps: 20 }));
    const integrity = value<JournalCheck>(await dispatch(ctx, 'journal:verify', [C]));
    expect(integrity).toMatchObject({ ok: true, events: 3, firstBad: null }); // the local check is fooled
    expect(await checkPrint(printed)).toMatchObject({
      status: 'notFound',
      why: 'unknown',
      events: 3,
      head: integrity.head,
      damage: null,
    });
  });

  it('a typo is answered without reading anything into the renderer; a damaged file is named', async () => {
    const a = aDevice('A');
    const events = [a.emit({ steps: 17 }), a.emit({ steps: 16, entrantId: 'e2' })];
    await dispatch(ctx, 'journal:append', [C, events]);
    expect(await checkPrint('12345')).toMatchObject({
      status: 'badCode',
      message: expect.stringContaining('5 ký tự'),
    });

    const file = journalPath(dir, C);
    await writeFile(file, (await readFile(file, 'utf8')).replace('"steps":16', '"steps":19'));
    expect(await checkPrint(chainHead(events))).toMatchObject({
      status: 'notFound',
      why: 'damaged',
      damage: { line: 2 },
    });
  });

  it('a contest with no journal file: not found, empty', async () => {
    expect(await checkPrint('3F2A9C01B7DE', null)).toMatchObject({
      status: 'notFound',
      why: 'empty',
      events: 0,
    });
  });

  it.each([
    ['no request', [C]],
    ['a code that is not text', [C, { code: 12, roundId: null }]],
    ['a code of 301 characters', [C, { code: 'A'.repeat(301), roundId: null }]],
    ['roundId missing', [C, { code: 'ABC' }]],
    ['an empty roundId', [C, { code: 'ABC', roundId: '' }]],
    ['an extra field', [C, { code: 'ABC', roundId: null, all: true }]],
    ['a contest id that is a path', ['../x', { code: 'ABC', roundId: null }]],
  ])('refuses %s before the handler runs', async (_name, args) => {
    const r = await dispatch(ctx, 'journal:checkPrint', args);
    expect(r).toMatchObject({ ok: false, error: { code: 'badArguments' } });
  });

  it('94,050 events (1,045 models × 9 judges × 10 criteria): the answer is a bounded summary, in a few seconds', async () => {
    const events = bigRound();
    const file = journalPath(dir, C);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, events.map((e) => `${canonicalJson(e)}\n`).join(''));
    const roundId = 'r-binh-xet';

    const time = async (code: string) => {
      const t0 = performance.now();
      const r = await checkPrint(code, roundId);
      return { r, ms: performance.now() - t0 };
    };
    const whole = await time(chainHead(events)); // worst case for the scan: the last prefix
    expect(whole.r).toMatchObject({ status: 'found', matches: true, cut: { events: 94_050 } });
    const early = await time(chainHead(events.slice(0, 1_000)));
    expect(early.r).toMatchObject({
      status: 'found',
      matches: false,
      cut: { events: 1_000 },
      since: { events: 93_050, affecting: 93_050 },
    });
    expect(early.r.status === 'found' && early.r.since.listed).toHaveLength(200);
    const size = JSON.stringify(early.r).length;
    expect(size).toBeLessThan(300_000); // the summary and 200 events (+ their previous ones), not 47 MB

    const missing = await time('000000000000');
    expect(missing.r).toMatchObject({ status: 'notFound', why: 'unknown' });
    console.log(
      `journal:checkPrint, 94,050 events: found at the end ${whole.ms.toFixed(0)} ms, found at 1,000 ${early.ms.toFixed(0)} ms (answer ${(size / 1024).toFixed(0)} KB), not found ${missing.ms.toFixed(0)} ms`,
    );
  });
});
