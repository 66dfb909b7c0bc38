/**
 * Saving and opening files chosen by the user (Electron only: in web mode the browser downloads and
 * picks files itself, so these channels refuse). Saves are atomic: a crash leaves the old file or
 * the new one, never half of either.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UserFacingError } from './context';
import type { Handlers } from './registry';
import { writeFileAtomicWithRetry } from '../files/atomic-write';

const MAX_OPEN_BYTES = 200 * 1024 * 1024;

export const fileHandlers: Pick<Handlers, 'file:save' | 'file:open'> = {
  'file:save': async (ctx, req) => {
    if (!ctx.chooseSavePath)
      throw new UserFacingError('notAvailable', 'Chế độ web tự tải tệp xuống trình duyệt.');
    const path = await ctx.chooseSavePath(req.suggestedName, req.kind);
    if (!path) return { path: null };
    await writeFileAtomicWithRetry(path, req.bytes);
    return { path };
  },
  'file:open': async (ctx, req) => {
    if (!ctx.chooseOpenFile)
      throw new UserFacingError('notAvailable', 'Chế độ web tự chọn tệp trong trình duyệt.');
    const path = await ctx.chooseOpenFile(req.kinds);
    if (!path) return null;
    const info = await stat(path);
    if (info.size > MAX_OPEN_BYTES)
      throw new UserFacingError('tooLarge', `Tệp ${basename(path)} lớn hơn 200 MB.`);
    return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
  },
};
