/**
 * Contests on disk for the home screen: the setup copies `<dataDir>/contests/<id>.json` (rebuilt from
 * the journal, see journal/setup-copy.ts) and the journals `<dataDir>/journals/<id>.jsonl`. Every
 * file that cannot be used is named with what can still be recovered — never skipped silently.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DiskProblem } from '../../../shared/bridge/contract';
import { bundleSchema, type ContestBundle, type SnapshotInfo } from '../../../shared/model/bundle';
import { projectSetup } from '../../../shared/journal/setup-projection';
import { journalStoreFor } from '../journal/journal-store';
import { UserFacingError } from './context';
import type { Handlers } from './registry';

const dirOf = (dataDir: string) => join(dataDir, 'contests');
const CONTEST_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/;
const JOURNAL_FILE = /^([A-Za-z0-9_-]{1,64})\.jsonl$/;

/** A setup copy's contents through the one gate (bundleSchema), or why it cannot be used. */
function parseCopy(raw: string): { savedAt: string; bundle: ContestBundle } | string {
  let json: { savedAt?: unknown; bundle?: unknown };
  try {
    json = JSON.parse(raw) as typeof json;
  } catch {
    return 'không đọc được (không phải JSON hợp lệ — tệp bị cắt hoặc bị sửa)';
  }
  const parsed = bundleSchema.safeParse(json?.bundle);
  if (!parsed.success)
    return `sai cấu trúc (${parsed.error.issues[0]?.path.join('.') || 'toàn tệp'})`;
  return {
    savedAt: typeof json.savedAt === 'string' ? json.savedAt : '',
    bundle: parsed.data as unknown as ContestBundle,
  };
}

const infoOf = (b: ContestBundle, savedAt: string): SnapshotInfo => ({
  contestId: b.contest.id,
  name: b.contest.name,
  year: b.contest.year,
  kind: b.contest.kind,
  savedAt,
});

export const contestHandlers: Pick<Handlers, 'contest:listSnapshots' | 'contest:readSnapshot'> = {
  'contest:listSnapshots': async (ctx) => {
    const copies = await readdir(dirOf(ctx.dataDir)).catch(() => [] as string[]);
    const journals = new Set(
      (await readdir(join(ctx.dataDir, 'journals')).catch(() => [] as string[])).flatMap(
        (f) => JOURNAL_FILE.exec(f)?.[1] ?? [],
      ),
    );
    const contests: SnapshotInfo[] = [];
    const problems: DiskProblem[] = [];
    const seen = new Set<string>();
    const store = journalStoreFor(ctx.dataDir);
    /** What the journal alone says of a contest whose copy is missing or damaged. */
    const fromJournal = async (contestId: string) =>
      journals.has(contestId)
        ? projectSetup(await store.setupEvents(contestId).catch(() => []), contestId).bundle
        : null;
    for (const f of copies) {
      const id = CONTEST_FILE.exec(f)?.[1];
      if (!id) continue;
      seen.add(id);
      const parsed = parseCopy(await readFile(join(dirOf(ctx.dataDir), f), 'utf8').catch(() => ''));
      if (typeof parsed !== 'string') {
        contests.push(infoOf(parsed.bundle, parsed.savedAt));
        continue;
      }
      const rebuilt = await fromJournal(id);
      problems.push({
        file: `contests/${f}`,
        contestId: id,
        name: rebuilt?.contest.name ?? null,
        recoverable: !!rebuilt,
        message: `Tệp cấu hình “contests/${f}” bị hỏng: ${parsed}. ${rebuilt ? `Sổ điểm “journals/${id}.jsonl” còn đủ cấu hình và điểm của “${rebuilt.contest.name}”: có thể khôi phục từ sổ điểm.` : journals.has(id) ? `Sổ điểm “journals/${id}.jsonl” không có cấu hình (tạo bởi phiên bản cũ): chỉ khôi phục được điểm khi có bản cấu hình.` : 'Không có sổ điểm của cuộc thi này.'}`,
      });
    }
    for (const id of journals) {
      if (seen.has(id)) continue;
      const rebuilt = await fromJournal(id);
      problems.push({
        file: `journals/${id}.jsonl`,
        contestId: id,
        name: rebuilt?.contest.name ?? null,
        recoverable: !!rebuilt,
        message: rebuilt
          ? `Thiếu tệp cấu hình của “${rebuilt.contest.name}”, nhưng sổ điểm “journals/${id}.jsonl” còn đủ: có thể khôi phục từ sổ điểm.`
          : `Sổ điểm “journals/${id}.jsonl” không có tệp cấu hình đi kèm và không chứa cấu hình: không khôi phục được cuộc thi từ tệp này.`,
      });
    }
    return { contests, problems };
  },

  /** An older contest's setup copy (its journal has no setup events), through the one gate. */
  'contest:readSnapshot': async (ctx, contestId) => {
    let raw: string;
    try {
      raw = await readFile(join(dirOf(ctx.dataDir), `${contestId}.json`), 'utf8');
    } catch {
      throw new UserFacingError('notFound', 'Không tìm thấy bản lưu của cuộc thi trên đĩa.');
    }
    const parsed = parseCopy(raw);
    if (typeof parsed === 'string')
      throw new UserFacingError('corrupt', `Bản lưu cuộc thi trên đĩa bị hỏng: ${parsed}.`);
    return parsed.bundle;
  },
};
