/**
 * Limits for reading outside spreadsheets, and the Vietnamese messages for every expected way a
 * file can fail to read. Limits are generous for real lists (a province's 10,000 models fit many
 * times over) and small enough that a hostile file costs a refused import, never the app.
 * Not here: the checks themselves (zip-check.ts, worker-runner.ts, the worker's readers).
 */
import { UserFacingError } from '../handlers/context';

export interface ReadLimits {
  /** Zip entries; an .xlsx has a few dozen. */
  readonly maxZipEntries: number;
  /** Total bytes after unzipping, declared and actually inflated. */
  readonly maxUncompressedBytes: number;
  /** Compression ratio refused for entries larger than `ratioCheckFromBytes` (zeros compress ~1000×, sheet XML ~10–30×). */
  readonly maxCompressionRatio: number;
  readonly ratioCheckFromBytes: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxCsvBytes: number;
  /** The worker is terminated after this long. */
  readonly timeoutMs: number;
  /** V8 old-generation heap of the worker; exceljs has no memory bound of its own. */
  readonly maxOldGenerationSizeMb: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxZipEntries: 5_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  ratioCheckFromBytes: 10 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 1_000,
  maxCsvBytes: 50 * 1024 * 1024,
  timeoutMs: 60_000,
  maxOldGenerationSizeMb: 512,
};

const SAVE_AGAIN =
  'Hãy mở tệp bằng Excel và lưu lại thành tệp .xlsx mới (hoặc CSV UTF-8) rồi nhập lại.';
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

export type ReadErrorCode =
  | 'emptyFile'
  | 'notSpreadsheet'
  | 'legacyXls'
  | 'encrypted'
  | 'corrupt'
  | 'unsafeZip'
  | 'tooLarge'
  | 'tooManyRows'
  | 'timeout'
  | 'readerCrashed';

/** The message for each failure; `detail` adds what was found (a format, a path, a size). */
export function readError(code: ReadErrorCode, name: string, detail = ''): UserFacingError {
  const f = `Tệp “${name}”`;
  const messages: Record<ReadErrorCode, string> = {
    emptyFile: `${f} trống (0 byte). Hãy chọn đúng tệp danh sách.`,
    notSpreadsheet: `${f} không phải là bảng tính Excel (.xlsx) hoặc CSV${detail ? ` (đây là ${detail})` : ''}. Hãy chọn tệp danh sách đúng, hoặc mở danh sách bằng Excel và lưu dưới dạng .xlsx hay CSV UTF-8.`,
    legacyXls: `${f} là bảng tính Excel 97–2003 (.xls), định dạng cũ mà ứng dụng không đọc. Hãy mở bằng Excel, chọn Tệp → Lưu thành → “Sổ làm việc Excel (.xlsx)”, rồi nhập tệp mới.`,
    encrypted: `${f} được đặt mật khẩu nên không đọc được. Hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi nhập lại.`,
    corrupt: `${f} bị hỏng hoặc không đầy đủ${detail ? ` (${detail})` : ''}, có thể do tải về hoặc sao chép chưa xong. ${SAVE_AGAIN}`,
    unsafeZip: `${f} có cấu trúc bất thường (${detail}) nên không được mở, để bảo vệ máy. ${SAVE_AGAIN}`,
    tooLarge: `${f} quá lớn hoặc quá phức tạp để đọc an toàn${detail ? ` (${detail})` : ''}. Hãy chia danh sách thành nhiều tệp nhỏ hơn, hoặc xóa các trang tính, hình ảnh và định dạng không cần thiết.`,
    tooManyRows: `${f} có quá nhiều dòng (${detail}). Hãy chia danh sách thành nhiều tệp nhỏ hơn.`,
    timeout: `Đọc ${f.toLowerCase()} mất quá ${detail} giây nên đã dừng. Tệp có thể quá lớn hoặc bất thường. ${SAVE_AGAIN}`,
    readerCrashed: `Không đọc được ${f.toLowerCase()}: trình đọc tệp dừng bất thường. Dữ liệu đã lưu không bị ảnh hưởng. ${SAVE_AGAIN}`,
  };
  return new UserFacingError(code, messages[code]);
}

export const describeSize = (bytes: number) => `hơn ${mb(bytes)} MB khi giải nén`;
