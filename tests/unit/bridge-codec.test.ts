import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeFromWire, encodeForWire } from '@shared/bridge/codec';

describe('web-mode wire codec', () => {
  it('base64 round-trips any bytes and matches Node’s encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const b64 = bytesToBase64(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString('base64'));
        expect([...base64ToBytes(b64)]).toEqual([...bytes]);
      }),
      { numRuns: 200 },
    );
  });

  it('carries Uint8Array inside arguments and leaves Vietnamese text intact', () => {
    const args = [{ name: 'Bảng điểm Cụm 1.xlsx', bytes: new Uint8Array([0, 1, 254, 255]) }, 'Đội Phường Hoàn Kiếm'];
    const back = decodeFromWire(encodeForWire(args)) as typeof args;
    expect(back[1]).toBe('Đội Phường Hoàn Kiếm');
    expect((back[0] as { bytes: Uint8Array }).bytes).toBeInstanceOf(Uint8Array);
    expect([...(back[0] as { bytes: Uint8Array }).bytes]).toEqual([0, 1, 254, 255]);
  });

  it('refuses malformed base64', () => {
    expect(() => base64ToBytes('ab$d')).toThrow();
  });
});
