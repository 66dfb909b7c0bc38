/**
 * Bytes of a text file → text, with the encoding it was in. Excel saves "CSV UTF-8" with a BOM,
 * plain "CSV" in the Windows code page (1258 on Vietnamese Windows, 1252 on Western), and
 * "Unicode text" as UTF-16. UTF-8 is validated strictly (a 1258 file is never valid UTF-8 once it
 * has a Vietnamese letter); otherwise the choice between 1258 and 1252 is made on evidence, and
 * the result is always NFC because 1258 spells tones as separate combining marks.
 * Decoding uses iconv-lite: Node 20.20's TextDecoder('windows-1252') gets 0x80–0x9F wrong.
 * Not here: separators and fields (csv-read.ts).
 */
import iconv from 'iconv-lite';

export type TextEncoding =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

export interface Decoded {
  readonly text: string;
  readonly encoding: TextEncoding;
}

/** The five Windows-1258 tone marks (grave, acute, hook, tilde, dot below) — in 1252 these bytes are Ì ì Ò ò Þ. */
const TONE_BYTES = new Set([0xcc, 0xec, 0xd2, 0xf2, 0xde]);
/** Vowels a tone mark can sit on, as Windows-1258 bytes: a e i o u y, their capitals, and â ê ô ă ơ ư. */
const VOWEL_BYTES = new Set(
  [...'aeiouyAEIOUY']
    .map((c) => c.charCodeAt(0))
    .concat([0xe2, 0xc2, 0xea, 0xca, 0xf4, 0xd4, 0xe3, 0xc3, 0xf5, 0xd5, 0xfd, 0xdd]),
);
/** Š Ž š ž in 1252; undefined in 1258. */
const ONLY_1252 = new Set([0x8a, 0x8e, 0x9a, 0x9e]);
/** Đ đ in 1258 (Ð ð in 1252, rare outside Icelandic). */
const D_STROKE = new Set([0xd0, 0xf0]);

/**
 * Positive: the bytes read as Vietnamese in 1258; negative: they read better as 1252. A tone byte
 * after a vowel makes a Vietnamese letter in 1258 ("vậ") and an implausible pair in 1252 ("vâò");
 * after a consonant it is an orphan mark in 1258 and a plain letter in 1252 ("Hòa", "Bình").
 */
export function evidenceFor1258(bytes: Uint8Array): number {
  let score = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (TONE_BYTES.has(b)) score += i > 0 && VOWEL_BYTES.has(bytes[i - 1]) ? 1 : -1;
    else if (ONLY_1252.has(b)) score -= 5;
    else if (D_STROKE.has(b)) score += 1;
  }
  return score;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const done = (text: string, encoding: TextEncoding): Decoded => ({
    text: text.normalize('NFC'),
    encoding,
  });
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return done(iconv.decode(buf.subarray(3), 'utf-8'), 'utf-8-bom');
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return done(iconv.decode(buf.subarray(2), 'utf-16le'), 'utf-16le');
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return done(iconv.decode(buf.subarray(2), 'utf-16be'), 'utf-16be');
  try {
    return done(strictUtf8.decode(buf), 'utf-8');
  } catch {
    // Not UTF-8: a Windows code page. Ties go to 1258, the code page of Vietnamese Windows.
    const encoding = evidenceFor1258(buf) >= 0 ? 'windows-1258' : 'windows-1252';
    return done(iconv.decode(buf, encoding), encoding);
  }
}
