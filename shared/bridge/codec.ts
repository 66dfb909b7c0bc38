/**
 * JSON transport for bridge calls over HTTP (web mode): Uint8Array values travel as
 * `{ "$bytes": "<base64>" }`. IPC needs none of this (structured clone carries bytes).
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk +=
      ALPHABET[(n >> 18) & 63] +
      ALPHABET[(n >> 12) & 63] +
      (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=') +
      (i + 2 < bytes.length ? ALPHABET[n & 63] : '=');
    if (chunk.length > 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/**
 * Strict decoder: only the canonical text bytesToBase64 writes is accepted (padded to a multiple of
 * four, no other characters, unused bits zero), so a damaged or altered payload is refused instead
 * of decoding to different bytes. Every character is looked up by its full code unit.
 */
export function base64ToBytes(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new Error('invalid base64: length is not a multiple of 4');
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const end = text.length - pad;
  const value = (i: number): number => {
    const code = text.charCodeAt(i);
    const v = code < 128 ? LOOKUP[code] : 255;
    if (v === 255) throw new Error(`invalid base64: character ${JSON.stringify(text[i])} at ${i}`);
    return v;
  };
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < end; i += 4) {
    const n =
      (value(i) << 18) |
      (value(i + 1) << 12) |
      (i + 2 < end ? value(i + 2) << 6 : 0) |
      (i + 3 < end ? value(i + 3) : 0);
    out[o++] = (n >> 16) & 255;
    if (i + 2 < end) out[o++] = (n >> 8) & 255;
    if (i + 3 < end) out[o++] = n & 255;
    // Bits the last group does not carry must be zero, or two texts would give the same bytes.
    if (i + 4 >= end && ((pad === 2 && (n & 0xffff) !== 0) || (pad === 1 && (n & 0xff) !== 0)))
      throw new Error('invalid base64: non-zero padding bits');
  }
  return out;
}

export function encodeForWire(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v instanceof Uint8Array ? { $bytes: bytesToBase64(v) } : v,
  );
}

export function decodeFromWire(text: string): unknown {
  return JSON.parse(text, (_k, v: unknown) =>
    v &&
    typeof v === 'object' &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    typeof (v as { $bytes?: unknown }).$bytes === 'string'
      ? base64ToBytes((v as { $bytes: string }).$bytes)
      : v,
  );
}
