/** What a failed file operation means for the user, in Vietnamese: one wording for every write path. */
const ERRNO_TEXT: Record<string, string> = {
  ENOSPC: 'đĩa đã đầy',
  EDQUOT: 'hết hạn mức dung lượng',
  EACCES: 'không có quyền ghi vào thư mục dữ liệu',
  EPERM: 'hệ điều hành hoặc phần mềm diệt virus đang chặn tệp',
  EBUSY: 'tệp đang bị chương trình khác giữ',
  EROFS: 'ổ đĩa chỉ cho đọc',
  EIO: 'lỗi đọc/ghi của ổ đĩa',
};

export function describeFileError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  return ERRNO_TEXT[code] ?? `lỗi hệ thống ${code || 'không rõ'}`;
}
