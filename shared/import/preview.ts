/**
 * From raw cells and a column mapping to typed records and every problem at once, for the user to
 * review before anything is written: rows below the header are parsed (blank rows, section titles
 * and the "(1) (2) (3)" numbering row skipped), then checked across rows (duplicate codes; for
 * criteria, parts named but not listed, orders, and whether a part's maximum matches its criteria).
 * Not here: writing (the renderer does it in one transaction after planUpsert).
 */
import type { ClusterId, EntrantKind } from '../model/types';
import type { RawWorkbook } from './types';
import { cellText } from './cells';
import {
  FIELDS,
  hasRequiredColumns,
  type CriterionField,
  type EntrantField,
  type ImportTarget,
  type JudgeField,
} from './fields';
import { sheetGrid } from './grid';
import { guessSheetMapping, type SheetMapping } from './mapping';
import { problem, type ImportProblem, type Place } from './problems';
import { criterionCode, type CriterionRecord, type RecordOf } from './records';
import { isBlankRow, rowReader, type RowReader, type RowSource } from './row-reader';
import {
  ClusterIndex,
  parseCriterion,
  parseEntrant,
  parseJudge,
  type CriterionDraft,
  type ParseContext,
} from './row-parsers';
import { DERIVED_CODE_PREFIX, matchKey } from './text';
import { formatCp } from '../scoring/format';

export interface PreviewContext {
  /** Clusters of the round being imported into; names in the file must match one of them. */
  readonly clusters: readonly { readonly id: ClusterId; readonly name: string }[];
  /** Codes of records already stored, to mark rows that will update rather than add. */
  readonly existingCodes: readonly string[];
  /** Kind for entrants when the file has no "Loại" column (award rounds: model; contests: team). */
  readonly defaultKind?: EntrantKind;
  /** Step for criteria when the file has no "Bước điểm" column. */
  readonly defaultStepCp?: number;
}

export interface PreviewRow<R> {
  /** 1-based row in the file (for criteria parts the file never listed: the row of their first criterion). */
  readonly row: number;
  readonly record: R;
  /** A stored record has the same code: importing updates it. */
  readonly existing: boolean;
}

export interface ImportPreview<T extends ImportTarget> {
  readonly target: T;
  readonly fileName: string;
  readonly sheetName: string;
  readonly rows: readonly PreviewRow<RecordOf[T]>[];
  /** Every problem found, in row order; errors keep their row out of `rows`. */
  readonly problems: readonly ImportProblem[];
  /** Rows skipped on purpose: section titles and the numbering row under the header. */
  readonly skippedRows: readonly number[];
}

export type MappingInput<T extends ImportTarget> = Pick<
  SheetMapping<T>,
  'columns' | 'firstDataRow' | 'headers'
>;

/** Past this many, further problems are counted in one closing line: nobody reads 50,000 messages. */
const MAX_PROBLEMS = 2000;

/** The "(1) (2) (3)…" row official tables put under the header: consecutive column numbers, nothing else. */
const isNumberingRow = (cells: readonly string[]): boolean => {
  const filled = cells.filter((c) => c !== '').map((c) => c.replace(/^\((\d+)\)$/, '$1'));
  const first = Number(filled[0]);
  return (
    filled.length >= 3 && Number.isInteger(first) && filled.every((c, i) => c === String(first + i))
  );
};

export function buildPreview<T extends ImportTarget>(
  workbook: RawWorkbook,
  sheetName: string,
  mapping: MappingInput<T>,
  target: T,
  context: PreviewContext,
): ImportPreview<T> {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  const place: Place = {
    fileName: workbook.fileName,
    sheetName: workbook.format === 'csv' ? null : sheetName,
  };
  const empty = (problems: ImportProblem[]): ImportPreview<T> => ({
    target,
    fileName: workbook.fileName,
    sheetName,
    rows: [],
    problems,
    skippedRows: [],
  });
  const sheetLevel = (code: ImportProblem['code'], detail: string) =>
    problem(place, { row: null, col: null, header: null }, code, detail);
  if (!sheet) return empty([sheetLevel('noHeader', `không có trang tính “${sheetName}”.`)]);

  const specs = FIELDS[target];
  const headerOf = (f: string) => specs.find((s) => s.key === f)?.header ?? f;
  const missing = specs.filter((s) => s.required && !mapping.columns.includes(s.key));
  if (missing.length || !hasRequiredColumns(target, mapping.columns)) {
    const names = (missing.length ? missing : specs.filter((s) => s.key === 'name'))
      .map((s) => `“${s.header}”`)
      .join(', ');
    return empty([
      sheetLevel(
        'missingColumn',
        `không tìm thấy cột ${names}. Hãy chọn cột tương ứng hoặc thêm cột đó vào tệp.`,
      ),
    ]);
  }

  const grid = sheetGrid(sheet);
  const columnOf = new Map<string, number>();
  mapping.columns.forEach((f, i) => f !== null && !columnOf.has(f) && columnOf.set(f, i));
  const src: RowSource = { grid, place, columnOf, headers: mapping.headers, headerOf };
  const ctx: ParseContext = {
    clusters: new ClusterIndex(context.clusters),
    defaultKind: context.defaultKind ?? 'model',
    defaultStepCp: context.defaultStepCp ?? 25,
  };
  const existing = new Set(context.existingCodes.map(matchKey));
  const problems: ImportProblem[] = [];
  const skippedRows: number[] = [];
  const parsed: { row: number; record: RecordOf[T] | CriterionDraft }[] = [];
  const seen = new Map<string, number>();

  for (let r = Math.max(0, mapping.firstDataRow - 1); r < grid.rowCount; r++) {
    if (
      grid.isSectionRow(r) ||
      (r === mapping.firstDataRow - 1 && isNumberingRow((sheet.rows[r] ?? []).map(cellText)))
    ) {
      skippedRows.push(r + 1);
      continue;
    }
    if (isBlankRow(src, r)) continue;
    const { reader, record } = parseRow(target, src, r, ctx);
    if (record) {
      const key = matchKey(record.code);
      const first = seen.get(key);
      if (first !== undefined) {
        reader.report(
          duplicateField(target, record.code, columnOf),
          'duplicateCode',
          duplicateDetail(target, record, first),
        );
      } else {
        seen.set(key, reader.row);
        parsed.push({ row: reader.row, record: record as RecordOf[T] | CriterionDraft });
      }
    }
    problems.push(...reader.problems);
  }

  let rows: PreviewRow<RecordOf[T]>[];
  if (target === 'criteria') {
    const done = finishCriteria(
      parsed as { row: number; record: CriterionDraft }[],
      place,
      src,
      problems,
    );
    rows = done.map(({ row, record }) => ({
      row,
      record: record as RecordOf[T],
      existing: existing.has(matchKey(record.code)),
    }));
  } else {
    rows = parsed.map(({ row, record }) => ({
      row,
      record: record as RecordOf[T],
      existing: existing.has(matchKey(record.code)),
    }));
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push(
      sheetLevel(
        'noRows',
        `không có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${mapping.firstDataRow - 1}).`,
      ),
    );
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.length = MAX_PROBLEMS;
    problems.push(
      sheetLevel(
        'truncated',
        `và ${more} lỗi khác không liệt kê. Hãy sửa các lỗi trên rồi nhập lại.`,
      ),
    );
  }
  return { target, fileName: workbook.fileName, sheetName, rows, problems, skippedRows };
}

/** Guess the sheet and mapping, then preview: what the import screen shows before the user adjusts anything. */
export function previewFile<T extends ImportTarget>(
  workbook: RawWorkbook,
  target: T,
  context: PreviewContext,
): ImportPreview<T> & { readonly mapping: SheetMapping<T> | null } {
  const mapping = guessSheetMapping(workbook, target);
  if (mapping)
    return { ...buildPreview(workbook, mapping.sheetName, mapping, target, context), mapping };
  const first = workbook.sheets[0]?.name ?? '';
  const place: Place = {
    fileName: workbook.fileName,
    sheetName: workbook.format === 'csv' || !first ? null : first,
  };
  const what = {
    entrants: 'tên mô hình / đội thi',
    judges: 'họ và tên giám khảo',
    criteria: 'tiêu chí hoặc phần thi',
  }[target];
  const detail = workbook.sheets.every((s) => s.rows.length === 0)
    ? 'tệp không có dữ liệu.'
    : `không tìm thấy dòng tiêu đề có cột ${what} trong ${workbook.sheets.length > 1 ? `${workbook.sheets.length} trang tính` : 'trang tính'}. Hãy kiểm tra tệp có đúng danh sách cần nhập không, hoặc chọn cột bằng tay.`;
  return {
    target,
    fileName: workbook.fileName,
    sheetName: first,
    rows: [],
    problems: [problem(place, { row: null, col: null, header: null }, 'noHeader', detail)],
    skippedRows: [],
    mapping: null,
  };
}

function parseRow(
  target: ImportTarget,
  src: RowSource,
  r: number,
  ctx: ParseContext,
): { reader: RowReader<string>; record: RecordOf[ImportTarget] | CriterionDraft | null } {
  switch (target) {
    case 'entrants': {
      const reader = rowReader<EntrantField>(src, r);
      return { reader, record: parseEntrant(reader, ctx) };
    }
    case 'judges': {
      const reader = rowReader<JudgeField>(src, r);
      return { reader, record: parseJudge(reader, ctx) };
    }
    case 'criteria': {
      const reader = rowReader<CriterionField>(src, r);
      return { reader, record: parseCriterion(reader, ctx) };
    }
    default: {
      const never: never = target;
      throw new Error(`unknown import target ${String(never)}`);
    }
  }
}

/** A duplicate is reported on the code column when the file has codes, else on the name. */
function duplicateField(
  target: ImportTarget,
  code: string,
  columnOf: ReadonlyMap<string, number>,
): 'code' | 'name' {
  const derived = code.startsWith(DERIVED_CODE_PREFIX) || !columnOf.has('code');
  return target === 'criteria' || derived ? 'name' : 'code';
}

function duplicateDetail(
  target: ImportTarget,
  record: { code: string; name: string; part?: string | null },
  first: number,
): string {
  if (target === 'criteria') {
    return record.part
      ? `tiêu chí “${record.name}” của phần “${record.part}” đã có ở dòng ${first}.`
      : `“${record.name}” đã có ở dòng ${first}.`;
  }
  if (record.code.startsWith(DERIVED_CODE_PREFIX)) {
    return `tên và đơn vị trùng với dòng ${first}. Tệp không có mã nên tên + đơn vị được dùng làm mã; hãy xoá dòng lặp hoặc thêm cột Mã.`;
  }
  return `mã “${record.code}” trùng với dòng ${first}. Mỗi dòng cần một mã riêng.`;
}

/**
 * Criteria across rows: add the parts that criteria name but no row lists, spell each part as its
 * own row does, number siblings in file order where the file gives no order, and warn when a
 * part's maximum differs from what its criteria add up to.
 */
function finishCriteria(
  parsed: readonly { row: number; record: CriterionDraft }[],
  place: Place,
  src: RowSource,
  problems: ImportProblem[],
) {
  const parts = new Map<string, { row: number; record: CriterionDraft }>();
  for (const p of parsed) if (p.record.part === null) parts.set(matchKey(p.record.name), p);
  const drafts = [...parsed];
  for (const p of parsed) {
    const part = p.record.part;
    if (part === null || parts.has(matchKey(part))) continue;
    const record: CriterionDraft = {
      code: criterionCode(null, part),
      part: null,
      name: part,
      maxCp: null,
      stepCp: p.record.stepCp,
      weight: 1,
      order: null,
      objective: false,
      description: null,
      isPartRow: true,
    };
    parts.set(matchKey(part), { row: p.row, record });
    drafts.push({ row: p.row, record });
  }
  // A part added for a criterion sits on that criterion's row, just before it.
  drafts.sort(
    (a, b) => a.row - b.row || Number(b.record.part === null) - Number(a.record.part === null),
  );
  const counts = new Map<string, number>();
  const out = drafts.map(({ row, record: { isPartRow: _isPartRow, ...rest } }) => {
    const partName =
      rest.part === null ? null : (parts.get(matchKey(rest.part))?.record.name ?? rest.part);
    const parentKey = partName === null ? '' : matchKey(partName);
    const n = (counts.get(parentKey) ?? 0) + 1;
    counts.set(parentKey, n);
    const record: CriterionRecord = {
      ...rest,
      part: partName,
      code: criterionCode(partName, rest.name),
      order: rest.order ?? n,
    };
    return { row, record };
  });
  for (const [key, p] of parts) {
    const children = out.filter((o) => o.record.part !== null && matchKey(o.record.part) === key);
    if (
      p.record.maxCp === null ||
      children.length === 0 ||
      children.some((c) => c.record.maxCp === null)
    )
      continue;
    const sum = children.reduce((s, c) => s + (c.record.maxCp ?? 0) * c.record.weight, 0);
    if (sum === p.record.maxCp) continue;
    const col = src.columnOf.get('max') ?? null;
    const detail = `phần “${p.record.name}” có điểm tối đa ${formatCp(p.record.maxCp)} nhưng các tiêu chí của phần cộng lại ${formatCp(sum)} (đã nhân trọng số).`;
    problems.push(
      problem(
        place,
        { row: p.row, col, header: col === null ? null : src.headers[col] },
        'partSumMismatch',
        detail,
        'warning',
      ),
    );
  }
  return out;
}
