/**
 * The results screen's score reader, off the page's main thread: reads one round's scores through
 * the journal repository (its own read-only use of the same database) and answers with them
 * encoded as typed arrays, transferred (round-reads.ts). An error is answered, never thrown.
 */
import { openDatabase } from '../../db/database';
import { journalRepo } from '../../db/repos/journal-repo';
import type { RoundId } from '@shared/model/types';
import { encodeScores } from './round-reads';

const repo = openDatabase().then((opened) =>
  journalRepo(opened.db, 'Chỉ đọc (luồng đọc điểm của màn hình kết quả).', () => ''),
);
const post = (msg: unknown, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(msg, transfer);

self.onmessage = async (ev: MessageEvent<{ id: number; roundId: RoundId }>) => {
  const { id, roundId } = ev.data;
  try {
    const encoded = encodeScores(roundId, await (await repo).scores(roundId));
    post({ id, encoded }, [encoded.cells.buffer, encoded.steps.buffer]);
  } catch (err) {
    post({ id, error: (err as Error).message ?? String(err) });
  }
};
