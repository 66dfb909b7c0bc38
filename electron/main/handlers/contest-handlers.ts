/**
 * The main side's copy of each contest's setup: `<dataDir>/contests/<id>.json`, replaced
 * atomically on every change. With the score journal it lets a wiped browser database be rebuilt.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleSchema, type ContestBundle, type SnapshotInfo } from '../../../shared/model/bundle';
import { writeFileAtomicWithRetry } from '../files/atomic-write';
import { UserFacingError } from './context';
import type { Handlers } from './registry';

const dirOf = (dataDir: string) => join(dataDir, 'contests');

export const contestHandlers: Pick<Handlers, 'contest:saveSnapshot' | 'contest:listSnapshots' | 'contest:readSnapshot'> = {
  'contest:saveSnapshot': async (ctx, contestId, bundle) => {
    if (bundle.contest.id !== contestId) throw new UserFacingError('mismatch', 'Dữ liệu cuộc thi không khớp mã.');
    const savedAt = new Date().toISOString();
    await mkdir(dirOf(ctx.dataDir), { recursive: true });
    await writeFileAtomicWithRetry(join(dirOf(ctx.dataDir), `${contestId}.json`), JSON.stringify({ savedAt, bundle }));
    return { savedAt };
  },
  'contest:listSnapshots': async (ctx) => {
    const files = await readdir(dirOf(ctx.dataDir)).catch(() => [] as string[]);
    const out: SnapshotInfo[] = [];
    for (const f of files.filter((n) => n.endsWith('.json'))) {
      try {
        const { savedAt, bundle } = JSON.parse(await readFile(join(dirOf(ctx.dataDir), f), 'utf8')) as { savedAt: string; bundle: ContestBundle };
        out.push({ contestId: bundle.contest.id, name: bundle.contest.name, year: bundle.contest.year, kind: bundle.contest.kind, savedAt });
      } catch {
        // A damaged snapshot is skipped here and reported when someone tries to open it.
      }
    }
    return out;
  },
  'contest:readSnapshot': async (ctx, contestId) => {
    let raw: string;
    try {
      raw = await readFile(join(dirOf(ctx.dataDir), `${contestId}.json`), 'utf8');
    } catch {
      throw new UserFacingError('notFound', 'Không tìm thấy bản lưu của cuộc thi trên đĩa.');
    }
    const parsed = bundleSchema.safeParse((JSON.parse(raw) as { bundle?: unknown }).bundle);
    if (!parsed.success) throw new UserFacingError('corrupt', `Bản lưu cuộc thi trên đĩa bị hỏng (${parsed.error.issues[0]?.path.join('.')}).`);
    return parsed.data as unknown as ContestBundle;
  },
};
