/**
 * The last gate before a scoreboard or certificates leave the app: the round is recounted from the
 * journal file alone (shared/journal/recount-journal.ts — rules, panels, exclusions and scores all
 * read from the journal, nothing from the renderer's tally) and compared exactly with what the
 * document claims. Any difference, an undecided cell, or a journal that moved on since the document
 * was built refuses the export, naming each entrant. Runs where the journal lives: the journal is
 * never sent to the renderer for this.
 */
import { compareWithTally } from '../../../shared/journal/recount';
import { recountFromJournal } from '../../../shared/journal/recount-journal';
import type { ResultClaim } from '../../../shared/bridge/contract';
import { chainHead } from '../../../shared/journal/event';
import { journalStoreFor } from '../journal/journal-store';
import { UserFacingError } from './context';

/** How many differences the refusal lists by name (the rest are counted). */
const LISTED = 20;

export async function checkClaim(dataDir: string, claim: ResultClaim): Promise<void> {
  const events = await journalStoreFor(dataDir).read(claim.contestId);
  const head = chainHead(events);
  if (head !== claim.head) {
    throw new UserFacingError(
      'staleDocument',
      `Sổ điểm đã thay đổi sau khi lập tài liệu (mã ${claim.head} → ${head}). Chưa xuất tệp; hãy xuất lại.`,
    );
  }
  const rc = recountFromJournal(events, claim.contestId, claim.roundId);
  if (!rc.ok) {
    // z-scores are floats: nothing exact to recount (documented in the README); every other refusal stops the export.
    if (rc.why.some((w) => w.includes('chuẩn hóa'))) return;
    throw new UserFacingError(
      'recountRefused',
      `Không kiểm đếm lại được từ sổ điểm: ${rc.why.join('; ')}. Chưa xuất tệp.`,
    );
  }
  const names = new Map(claim.entrants.map((e) => [e.entrantId, e.name]));
  const differences = compareWithTally(rc.recount, claim.entrants, names).map((d) => d.message);
  if (rc.recount.undecidedCells > 0)
    differences.push(
      `${rc.recount.undecidedCells} ô điểm có hai giá trị khác nhau từ hai máy — cần người quyết định trước khi in.`,
    );
  if (differences.length === 0) return;
  const listed = differences.slice(0, LISTED);
  const more =
    differences.length > LISTED ? [`… và ${differences.length - LISTED} khác biệt nữa.`] : [];
  throw new UserFacingError(
    'recountMismatch',
    [
      'Kiểm đếm độc lập từ sổ điểm không khớp với bảng kết quả. Chưa xuất tệp.',
      ...listed,
      ...more,
    ].join('\n'),
  );
}
