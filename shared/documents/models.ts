/**
 * Documents described as data. The renderer builds these from the tally (see scoreboard-doc.ts and
 * certificate-doc.ts); the main side's thin writers turn them into .xlsx (exceljs) and .pdf (pdfkit).
 * Keeping the content here means it is unit-tested without opening a file, and the writers only
 * decide layout.
 */
import { z } from 'zod';

const text = (max = 500) => z.string().max(max);

export const issuerSchema = z.strictObject({
  family: z.enum(['party', 'state']),
  superior: text(200),
  name: text(200),
  place: text(100),
  signerMark: text(100),
  signerTitle: text(200),
  signerName: text(200),
});

export const cellSchema = z.union([z.string().max(2000), z.number().finite(), z.null()]);

export const columnSchema = z.strictObject({
  header: text(200),
  /** text: left-aligned; number: shown with `decimals` places, comma decimal mark in Vietnamese locale. */
  kind: z.enum(['text', 'number', 'integer']),
  decimals: z.number().int().min(0).max(4).optional(),
  width: z.number().min(2).max(120).optional(),
});

export const sheetSchema = z.strictObject({
  name: text(31),
  title: text(300),
  subtitle: text(500),
  columns: z.array(columnSchema).min(1).max(200),
  rows: z.array(z.array(cellSchema).max(200)).max(200_000),
  notes: z.array(text(2000)).max(50),
});

/**
 * Results not final yet (shared/results/completeness.ts): the writer prints `label` where nobody can
 * miss it and `lines` (what is still missing) under it. Absent on final results.
 */
export const provisionalSchema = z.strictObject({
  label: text(300),
  lines: z.array(text(500)).max(200),
});

export const scoreboardDocSchema = z.strictObject({
  issuer: issuerSchema,
  contestName: text(300),
  dateText: text(200),
  sheets: z.array(sheetSchema).min(1).max(100),
  signatures: z.array(z.strictObject({ title: text(200), name: text(200) })).max(4),
  /** Journal chain head, printed so anyone can check the paper against the journal. */
  footer: text(300),
  provisional: provisionalSchema.optional(),
});

export const certificateSchema = z.strictObject({
  recipient: text(300),
  unit: text(300),
  achievement: text(1000),
  registerNo: text(50),
});

export const certificateDocSchema = z.strictObject({
  issuer: issuerSchema,
  /** Red line above "Tặng", e.g. "BAN DÂN VẬN THÀNH ỦY HÀ NỘI"; the writer derives it from the issuer when absent. */
  issuerTitle: text(300).optional(),
  formName: text(100),
  decisionText: text(300),
  dateText: text(200),
  certificates: z.array(certificateSchema).min(1).max(20_000),
  footer: text(300),
  /** Printed on every page when the round's results are provisional (printing them was confirmed). */
  provisional: provisionalSchema.optional(),
});

export type IssuerDoc = z.infer<typeof issuerSchema>;
export type ProvisionalMark = z.infer<typeof provisionalSchema>;
export type Cell = z.infer<typeof cellSchema>;
export type Column = z.infer<typeof columnSchema>;
export type Sheet = z.infer<typeof sheetSchema>;
export type ScoreboardDoc = z.infer<typeof scoreboardDocSchema>;
export type Certificate = z.infer<typeof certificateSchema>;
export type CertificateDoc = z.infer<typeof certificateDocSchema>;

/** One scored criterion of a score sheet, under its part (phần thi, tiêu chuẩn). */
export const scoreSheetColumnSchema = z.strictObject({
  /** The part with its maximum, e.g. "Tiểu phẩm (50)"; '' when the criterion is itself top-level. */
  group: text(300),
  /** The criterion with its maximum, e.g. "Nội dung (10)". */
  header: text(300),
});

export const scoreSheetRowSchema = z.strictObject({
  stt: z.number().int().min(1).max(100_000),
  name: text(300),
  unit: text(300),
  /** One per column: '' to be written by hand, or the judge's score with a comma decimal ("8,5"). */
  cells: z.array(text(20)).max(60),
  total: text(20),
  /** Why this judge does not score the entrant (conflict of interest); the writer spans the score cells with it. */
  remark: text(200),
});

export const scoreSheetSchema = z
  .strictObject({
    title: text(100),
    /** "Vòng sơ khảo – Cụm thi số 1". */
    scopeLine: text(500),
    /** "Áp dụng cho: mô hình tập thể" when a round's rubrics split the sheet; '' otherwise. */
    rubricLine: text(300),
    /** "Giám khảo: Nguyễn Thị Hằng", or a dotted line to be filled in on an anonymous sheet. */
    judgeLine: text(300),
    entrantHeader: text(100),
    columns: z.array(scoreSheetColumnSchema).min(1).max(60),
    totalHeader: text(100),
    rows: z.array(scoreSheetRowSchema).min(1).max(20_000),
    /** Scoring notes, each a sentence; the writer prints them under a bold "Ghi chú:" label. */
    notes: z.array(text(2000)).max(20),
    signature: z.strictObject({ title: text(100), hint: text(100), name: text(200) }),
  })
  .refine(
    (s) => s.rows.every((r) => r.cells.length === s.columns.length),
    'Mỗi dòng phải có đủ ô cho mọi tiêu chí.',
  );

export const scoreSheetDocSchema = z.strictObject({
  issuer: issuerSchema,
  contestName: text(300),
  /** Place and date above the signature: "Hà Nội, ngày 15 tháng 10 năm 2026", or dotted blanks. */
  dateText: text(200),
  sheets: z.array(scoreSheetSchema).min(1).max(5_000),
  footer: text(300),
});

export type ScoreSheetColumn = z.infer<typeof scoreSheetColumnSchema>;
export type ScoreSheetRow = z.infer<typeof scoreSheetRowSchema>;
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;
export type ScoreSheetDoc = z.infer<typeof scoreSheetDocSchema>;

/** Lists written back with the importer's own columns (shared/import/export-sheet.ts). */
export const listDocSchema = z.strictObject({
  sheets: z
    .array(
      z.strictObject({
        name: text(31),
        headers: z.array(text(200)).max(100),
        rows: z
          .array(z.array(z.union([z.string().max(32_000), z.number().finite(), z.null()])).max(100))
          .max(200_000),
      }),
    )
    .min(1)
    .max(10),
});
export type ListDoc = z.infer<typeof listDocSchema>;
