/**
 * Registers every bridge channel on ipcMain. Calls from any frame but the app's own are refused;
 * argument checks happen in dispatch().
 */
import { ipcMain } from 'electron';
import { channelNames } from '../../shared/bridge/contract';
import type { HandlerContext } from './handlers/context';
import { dispatch } from './handlers/dispatch';
import { isTrustedAppUrl } from './window/trusted-url';

export function registerIpc(ctx: HandlerContext, appUrl: string): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      const from = event.senderFrame?.url ?? '';
      if (!isTrustedAppUrl(from, appUrl))
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Yêu cầu không đến từ ứng dụng.' },
        };
      return dispatch(ctx, channel, args);
    });
  }
}
