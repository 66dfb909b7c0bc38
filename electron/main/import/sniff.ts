/**
 * What a file really is, from its first bytes, whatever its name says: a zip (an .xlsx is one), an
 * OLE compound file (old .xls, or an .xlsx encrypted with a password), a known non-spreadsheet
 * (PDF, images, other archives), text (CSV), or other binary. People rename files and pick the
 * wrong one from a download folder; the message must say what was picked.
 * Not here: whether a zip is a valid workbook (zip-check.ts) or how text is decoded (csv-decode.ts).
 */
export type Sniffed =
  | { readonly kind: 'empty' }
  | { readonly kind: 'zip' }
  | { readonly kind: 'encrypted' }
  | { readonly kind: 'legacyXls' }
  | { readonly kind: 'other'; readonly what: string }
  | { readonly kind: 'text' }
  | { readonly kind: 'binary' };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const utf16le = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);

function contains(b: Uint8Array, needle: readonly number[], limit: number): boolean {
  const end = Math.min(b.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < needle.length; k++) if (b[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

const OTHERS: readonly [readonly number[], string][] = [
  [ascii('%PDF-'), 'một tệp PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'một ảnh PNG'],
  [[0xff, 0xd8, 0xff], 'một ảnh JPEG'],
  [ascii('GIF8'), 'một ảnh GIF'],
  [ascii('Rar!'), 'một tệp nén RAR'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'một tệp nén 7z'],
  [[0x1f, 0x8b], 'một tệp nén gzip'],
  [ascii('{\\rtf'), 'một văn bản RTF'],
];

/** Share of control bytes above which a file without a BOM is not text. */
const MAX_CONTROL_SHARE = 0.01;

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: 'zip' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // A password-protected .xlsx is an OLE file holding "EncryptionInfo" and "EncryptedPackage" streams,
    // whose names sit in the directory as UTF-16LE.
    const encrypted =
      contains(bytes, utf16le('EncryptedPackage'), 4 * 1024 * 1024) ||
      contains(bytes, utf16le('EncryptionInfo'), 4 * 1024 * 1024);
    return encrypted ? { kind: 'encrypted' } : { kind: 'legacyXls' };
  }
  for (const [sig, what] of OTHERS) if (startsWith(bytes, sig)) return { kind: 'other', what };
  // Web systems often export an HTML table (or Excel 2003 XML) and name it .xls: readable by Excel, not here.
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 512))
    .replace(/^[\ufeff\s]+/, '')
    .toLowerCase();
  if (/^<(!doctype|html|\?xml|table|workbook)/.test(head))
    return {
      kind: 'other',
      what: 'một trang HTML/XML, thường do phần mềm khác xuất ra và đặt đuôi .xls',
    };
  if (
    startsWith(bytes, [0xff, 0xfe]) ||
    startsWith(bytes, [0xfe, 0xff]) ||
    startsWith(bytes, [0xef, 0xbb, 0xbf])
  )
    return { kind: 'text' };
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return { kind: 'binary' };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control / sample.length > MAX_CONTROL_SHARE ? { kind: 'binary' } : { kind: 'text' };
}
