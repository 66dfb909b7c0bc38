/**
 * The gate before exceljs: open the .xlsx as a zip with yauzl and refuse what could hurt —
 * too many entries, entry names leaving the folder ("../"), encrypted entries, a declared
 * uncompressed size or compression ratio typical of zip bombs — then inflate every entry once,
 * counting the bytes that really come out, because a bomb can declare small sizes and lie.
 * Also checks it is an Excel workbook at all (a .docx is a zip too).
 * Not here: reading cells (the worker does that, after this passes).
 */
import yauzl from 'yauzl';
import { UserFacingError } from '../handlers/context';
import { describeSize, readError, type ReadLimits } from './limits';

export interface ZipFacts {
  readonly entries: number;
  readonly compressedBytes: number;
  readonly inflatedBytes: number;
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    ),
  );
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))),
  );
}

/** yauzl refuses unsafe names itself (as errors); say which name in Vietnamese. */
function unsafeName(message: string): string | null {
  const m = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(
    message,
  );
  return m ? m[1] : null;
}

export async function checkXlsxZip(
  name: string,
  bytes: Uint8Array,
  limits: ReadLimits,
): Promise<ZipFacts> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch (err) {
    const bad = unsafeName((err as Error).message);
    if (bad !== null) throw readError('unsafeZip', name, `chứa đường dẫn không an toàn “${bad}”`);
    throw readError('corrupt', name, 'không đọc được mục lục tệp nén');
  }
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close();
    throw readError('unsafeZip', name, `${zip.entryCount} mục trong tệp nén`);
  }
  let declared = 0;
  let inflated = 0;
  const names = new Set<string>();
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      names.add(entry.fileName.toLowerCase());
      if (entry.isEncrypted()) throw readError('encrypted', name);
      declared += entry.uncompressedSize;
      if (declared > limits.maxUncompressedBytes)
        throw readError('unsafeZip', name, describeSize(limits.maxUncompressedBytes));
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (
        entry.uncompressedSize > limits.ratioCheckFromBytes &&
        ratio > limits.maxCompressionRatio
      ) {
        throw readError(
          'unsafeZip',
          name,
          `mục “${entry.fileName}” nén ${Math.round(ratio)} lần, dấu hiệu của “bom nén”`,
        );
      }
      if (entry.fileName.endsWith('/')) continue;
      inflated += await inflatedSize(zip, entry, limits.maxUncompressedBytes - inflated, name);
      if (inflated > limits.maxUncompressedBytes)
        throw readError('unsafeZip', name, describeSize(limits.maxUncompressedBytes));
    }
  } catch (err) {
    zip.close();
    if (err instanceof UserFacingError) throw err;
    const bad = err instanceof Error ? unsafeName(err.message) : null;
    if (bad !== null) throw readError('unsafeZip', name, `chứa đường dẫn không an toàn “${bad}”`);
    throw readError('corrupt', name, 'không đọc được mục lục tệp nén');
  }
  zip.close();
  if (!names.has('[content_types].xml') || !names.has('xl/workbook.xml')) {
    throw readError(
      'notSpreadsheet',
      name,
      names.has('word/document.xml') ? 'một văn bản Word' : 'một tệp nén ZIP',
    );
  }
  return { entries: names.size, compressedBytes: bytes.byteLength, inflatedBytes: inflated };
}

/** Next entry of a lazily read zip, or null at the end; yauzl reports unsafe names as errors here. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (e: yauzl.Entry) => (done(), resolve(e));
    const onEnd = () => (done(), resolve(null));
    const onError = (e: Error) => (done(), reject(e));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

/** Inflate one entry and count what really comes out, stopping as soon as it exceeds the budget. */
async function inflatedSize(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: number,
  name: string,
): Promise<number> {
  let n = 0;
  try {
    for await (const chunk of await openEntry(zip, entry)) {
      n += (chunk as Buffer).length;
      if (n > budget) break;
    }
  } catch (err) {
    // yauzl's size validation: the entry inflates to more or fewer bytes than it declares.
    if (/too many bytes|not enough bytes|expected .* bytes/i.test((err as Error).message)) {
      throw readError('unsafeZip', name, `mục “${entry.fileName}” khai sai kích thước`);
    }
    throw readError('corrupt', name, `mục “${entry.fileName}” không giải nén được`);
  }
  return n;
}
