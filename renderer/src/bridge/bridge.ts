/** The bridge the app uses: Electron's preload if present, otherwise web mode over HTTP. */
import { BRIDGE_KEY } from '@shared/bridge/channels';
import type { Bridge } from '@shared/bridge/contract';
import { createHttpBridge } from './http-bridge';

export function getBridge(): Bridge {
  const exposed = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_KEY];
  return exposed ?? createHttpBridge();
}
