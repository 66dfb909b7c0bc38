/**
 * Atomic file replacement (temp file in the same folder → write → fsync → rename) via
 * write-file-atomic, plus the bounded retry Windows needs while an antivirus or indexer holds the
 * new file (rename fails with EPERM/EBUSY there; write-file-atomic does not retry).
 */
import writeFileAtomic from 'write-file-atomic';

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);

export async function writeFileAtomicWithRetry(
  path: string,
  data: Uint8Array | string,
  attempts = 6,
): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await writeFileAtomic(
        path,
        typeof data === 'string'
          ? data
          : Buffer.from(data.buffer, data.byteOffset, data.byteLength),
        { fsync: true },
      );
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (!RETRYABLE.has(code) || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 50 * 2 ** i));
    }
  }
}
