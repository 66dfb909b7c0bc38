/**
 * Web mode's implementation of the bridge: each channel is a POST to /api/<channel> on the same
 * origin. Saving downloads the file and opening uses the browser's file picker, since a browser
 * can't be handed a path.
 */
import type { Bridge, Channel, OpenedFile, Result } from '@shared/bridge/contract';
import { CHANNEL_NAMES } from '@shared/bridge/channels';
import { decodeFromWire, encodeForWire } from '@shared/bridge/codec';

const MIME: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

async function call(channel: Channel, args: unknown[]): Promise<Result<unknown>> {
  try {
    const res = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: encodeForWire(args),
    });
    const text = await res.text();
    if (!res.headers.get('content-type')?.startsWith('application/json')) {
      return {
        ok: false,
        error: {
          code: `http${res.status}`,
          message: `Máy chủ ứng dụng từ chối yêu cầu (${res.status}).`,
        },
      };
    }
    return decodeFromWire(text) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: { code: 'offline', message: 'Không kết nối được với máy chủ ứng dụng.' },
    };
  }
}

function download(name: string, bytes: Uint8Array, kind: string): void {
  const blob = new Blob([bytes as BlobPart], { type: MIME[kind] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function pickFile(kinds: readonly string[]): Promise<OpenedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = kinds.map((k) => `.${k}`).join(',');
    input.onchange = async () => {
      const f = input.files?.[0];
      resolve(f ? { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) } : null);
    };
    input.oncancel = () => resolve(null);
    input.click();
  });
}

export function createHttpBridge(): Bridge {
  const remote = Object.fromEntries(
    CHANNEL_NAMES.map((ch) => [ch, (...args: unknown[]) => call(ch, args)]),
  ) as unknown as Bridge;
  return {
    ...remote,
    'file:save': async (req) => {
      download(req.suggestedName, req.bytes, req.kind);
      return { ok: true, value: { path: req.suggestedName } };
    },
    'file:open': async (req) => ({ ok: true, value: await pickFile(req.kinds) }),
  };
}
