/**
 * One entry for every bridge call, from IPC or HTTP: validate the arguments against the channel's
 * schema, run the handler, and answer `{ok, value} | {ok:false, error}`. Unknown channels and
 * malformed arguments are refused here, before any handler runs.
 */
import { channels, type Channel, type Result } from '../../../shared/bridge/contract';
import type { HandlerContext } from './context';
import { UserFacingError } from './context';
import { handlers } from './registry';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export async function dispatch(
  ctx: HandlerContext,
  channel: unknown,
  args: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return { ok: false, error: { code: 'unknownChannel', message: 'Yêu cầu không hợp lệ.' } };
  const parsed = channels[channel].safeParse(args);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'badArguments',
        message: `Dữ liệu gửi lên không hợp lệ (${first?.path.join('.') || channel}): ${first?.message ?? ''}`,
      },
    };
  }
  try {
    const fn = handlers[channel] as (ctx: HandlerContext, ...a: unknown[]) => Promise<unknown>;
    return { ok: true, value: await fn(ctx, ...(parsed.data as unknown[])) };
  } catch (err) {
    if (err instanceof UserFacingError)
      return { ok: false, error: { code: err.code, message: err.message } };
    console.error(`[${channel}]`, err);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Có lỗi không mong đợi ở máy chủ ứng dụng. Dữ liệu đã lưu không bị ảnh hưởng.',
      },
    };
  }
}
