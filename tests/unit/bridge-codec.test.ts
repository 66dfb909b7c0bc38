import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, decodeFromWire, encodeForWire } from '@shared/bridge/codec';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Outcome of decoding: the bytes, or null when the text was refused. */
const decodeOrNull = (text: string): Uint8Array | null => {
  try {
    return base64ToBytes(text);
  } catch {
    return null;
  }
};

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
    const args = [
      { name: 'Bảng điểm Cụm 1.xlsx', bytes: new Uint8Array([0, 1, 254, 255]) },
      'Đội Phường Hoàn Kiếm',
    ];
    const back = decodeFromWire(encodeForWire(args)) as typeof args;
    expect(back[1]).toBe('Đội Phường Hoàn Kiếm');
    expect((back[0] as { bytes: Uint8Array }).bytes).toBeInstanceOf(Uint8Array);
    expect([...(back[0] as { bytes: Uint8Array }).bytes]).toEqual([0, 1, 254, 255]);
  });

  it('refuses malformed base64', () => {
    expect(() => base64ToBytes('ab$d')).toThrow();
  });

  // Finding: the decoder masked each character with `& 127`, so “ő” (U+0151) read as “Q”.
  it('the base64 decoder no longer reads non-ASCII characters as if they were ASCII', () => {
    expect([...base64ToBytes('QUJD')]).toEqual([65, 66, 67]);
    for (const forged of [
      '\u0151UJD',
      'Q\u00d5JD',
      'QU\u00caD',
      'QUJ\u00c4',
      'QUJD\u0100\u0100\u0100\u0100',
    ]) {
      expect(() => base64ToBytes(forged), JSON.stringify(forged)).toThrow();
    }
  });

  it('a character that is not base64, inserted anywhere into valid base64, is refused', () => {
    const notBase64 = fc
      .integer({ min: 0, max: 0x10ffff })
      .map((cp) => String.fromCodePoint(cp))
      .filter((c) => !ALPHABET.includes(c) && c !== '=');
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 60 }),
        notBase64,
        fc.nat(),
        (bytes, c, at) => {
          const b64 = bytesToBase64(bytes);
          const i = at % (b64.length + 1);
          expect(decodeOrNull(b64.slice(0, i) + c + b64.slice(i))).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('any text decodes exactly or is refused: what it accepts re-encodes to the very same text', () => {
    const nearBase64 = fc.string({
      unit: fc.constantFrom(
        ...ALPHABET,
        '=',
        '=',
        '\u0151',
        '\u00c1',
        '\u0100',
        ' ',
        '\n',
        '-',
        '_',
      ),
      maxLength: 24,
    });
    const anyText = fc.string({ unit: 'binary', maxLength: 24 });
    fc.assert(
      fc.property(fc.oneof(nearBase64, anyText), (text) => {
        const bytes = decodeOrNull(text);
        if (bytes !== null) expect(bytesToBase64(bytes)).toBe(text);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['missing padding', 'QQ'],
    ['padding too short', 'QQ='],
    ['padding too long', 'QQ==='],
    ['padding inside the text', 'QQ==QUJD'],
    ['unused bits set (two characters)', 'QR=='],
    ['unused bits set (three characters)', 'QUK='],
    ['a lone character', 'Q'],
    ['three padding characters', 'Q==='],
  ])('non-canonical base64 is refused: %s', (_rule, text) => {
    expect(decodeOrNull(text)).toBeNull();
  });
});
