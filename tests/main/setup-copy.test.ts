/**
 * The setup copy on disk (`contests/<id>.json`) is rebuilt from the journal after every batch that
 * changed the setup; a failed write is reported in the append's answer and retried with the next
 * batch — finding: "a failed write of the setup copy shows nothing and is never retried".
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch as anyDispatch } from '../../electron/main/handlers/dispatch';
import type { AppendAck, Result } from '@shared/bridge/contract';
import { setupEvent } from '@shared/journal/setup-event';
import { aContest, aJudge, aRound } from '../support/builders';
import { aDevice, BASE } from '../unit/journal-builders';

const dispatch = (...a: Parameters<typeof anyDispatch>) =>
  anyDispatch(...a) as Promise<Result<AppendAck>>;
const meta = {
  contestId: 'c1',
  by: { role: 'secretary' as const, name: '' },
  at: '2026-11-23T08:00:00.000Z',
};

describe('setup copy', () => {
  it('finding: a failed write of the setup copy showed nothing and was never retried — now reported, and retried with the next batch', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gk-setup-copy-'));
    const ctx = { mode: 'web' as const, version: 't', dataDir, resourcesDir: join(dataDir, 'res') };
    const d = aDevice('D');
    d.emit(setupEvent('contest', undefined, aContest(), meta));
    d.emit(setupEvent('round', undefined, aRound(), meta));
    // A file where the folder should be: every write of the copy fails.
    writeFileSync(join(dataDir, 'contests'), 'not a folder');
    const first = await dispatch(ctx, 'journal:append', ['c1', d.events]);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.added).toBe(2);
    expect(first.value.setupCopy?.ok).toBe(false);
    expect(first.value.setupCopy?.message).toContain('Không ghi được bản sao cấu hình');

    rmSync(join(dataDir, 'contests'));
    // The next batch holds only a score, yet the copy is written now: it was behind.
    const score = d.emit({ ...BASE });
    const second = await dispatch(ctx, 'journal:append', ['c1', [score]]);
    expect(second.ok && second.value.setupCopy).toEqual({ ok: true });
    const copy = JSON.parse(readFileSync(join(dataDir, 'contests', 'c1.json'), 'utf8'));
    expect(copy.bundle.rounds.map((r: { id: string }) => r.id)).toEqual(['r1']);

    // Caught up: a batch without setup changes does not touch the copy.
    const third = await dispatch(ctx, 'journal:append', [
      'c1',
      [d.emit({ ...BASE, kind: 'edit', steps: 3 })],
    ]);
    expect(third.ok && third.value.setupCopy).toBeUndefined();
    d.emit(setupEvent('judge', undefined, aJudge(), meta));
    await dispatch(ctx, 'journal:append', ['c1', d.events.slice(-1)]);
    expect(
      JSON.parse(readFileSync(join(dataDir, 'contests', 'c1.json'), 'utf8')).bundle.judges,
    ).toHaveLength(1);
  });
});
