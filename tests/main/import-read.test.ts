/**
 * Reading outside spreadsheets (reliability recipe 6, "hostile files"): every fixture gives the
 * expected raw workbook or the expected Vietnamese error; a worker over its memory or time limit is
 * killed and the next read still works; mutated files never crash the app. Prints: cases, app
 * crashes or hangs (0), peak worker memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { readSpreadsheetWithStats } from '../../electron/main/import/read-spreadsheet';
import { UserFacingError } from '../../electron/main/handlers/context';
import { previewFile } from '../../shared/import/preview';
import { entrantsToSheet, type SheetModel } from '../../shared/import/export-sheet';
import { entrantToRecord } from '../../shared/import/records';
import type { RawWorkbook } from '../../shared/import/types';
import type { ClusterId, Entrant, EntrantId, RoundId } from '../../shared/model/types';
import { SIX_CLUSTERS, aContext } from '../unit/import-builders';
import {
  ENTRANTS,
  encode1258,
  messyEntrantsXlsx,
  syntheticEntrants,
} from '../fixtures/import/fixture-data';
import { decodeText } from '../../electron/main/import/csv-decode';
import { detectSeparator } from '../../electron/main/import/csv-read';
import iconv from 'iconv-lite';

const FIXTURES = resolve(__dirname, '../fixtures/import');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const figures = { cases: 0, crashes: 0, peakWorkerMb: 0 };

/** Read, and count the case: anything but a workbook or a UserFacingError would be a crash of the app's handler. */
async function read(
  name: string,
  bytes: Uint8Array = fixture(name),
  limits?: Parameters<typeof readSpreadsheetWithStats>[2],
): Promise<RawWorkbook | UserFacingError> {
  figures.cases++;
  try {
    const { workbook, stats } = await readSpreadsheetWithStats(name, bytes, limits);
    figures.peakWorkerMb = Math.max(figures.peakWorkerMb, stats.heapPeakMb);
    return workbook;
  } catch (err) {
    if (err instanceof UserFacingError) return err;
    figures.crashes++;
    throw err;
  }
}

async function readOk(name: string, bytes?: Uint8Array): Promise<RawWorkbook> {
  const r = await read(name, bytes);
  if (r instanceof UserFacingError)
    throw new Error(`expected a workbook, got ${r.code}: ${r.message}`);
  return r;
}

const errorOf = async (
  name: string,
  bytes?: Uint8Array,
  limits?: Parameters<typeof readSpreadsheetWithStats>[2],
) => {
  const r = await read(name, bytes, limits);
  if (!(r instanceof UserFacingError)) throw new Error(`expected an error for ${name}`);
  return r;
};

const UTF8_ROWS = [
  ['Mã', 'Tên mô hình', 'Đơn vị', 'Lĩnh vực', 'Cụm'],
  ...ENTRANTS.slice(0, 6).map((e) => [e[0], e[1], e[2], e[4], e[5]]),
];

describe('good files', () => {
  it('good.xlsx: messy entrants, judges and criteria sheets all preview without errors', async () => {
    const wb = await readOk('good.xlsx');
    expect(wb.format).toBe('xlsx');
    expect(wb.sheets.map((s) => s.name)).toEqual(['Danh sách', 'Ban giám khảo', 'Thang điểm']);
    expect(wb.sheets[0].merges).toEqual(expect.arrayContaining(['A1:J1', 'D4:E4', 'G8:G11']));
    expect(wb.sheets[0].rows[7]).toEqual([
      1,
      'MH01',
      ENTRANTS[0][1],
      'Xã Tân Hòa',
      'xã',
      'Kinh tế',
      'Cụm 1',
      'Nguyễn Văn Hùng',
      ENTRANTS[0][7],
    ]);
    const entrants = previewFile(wb, 'entrants', aContext());
    expect(entrants.problems).toEqual([]);
    expect(entrants.mapping).toMatchObject({
      sheetName: 'Danh sách',
      headerRow: 5,
      firstDataRow: 6,
    });
    expect(entrants.skippedRows).toEqual([6, 7]);
    expect(
      entrants.rows.map((r) => [r.row, r.record.code, r.record.clusterName, r.record.level]),
    ).toEqual(ENTRANTS.map((e, i) => [8 + i, e[0], e[5], e[3]]));
    const judges = previewFile(wb, 'judges', aContext());
    expect(judges.problems).toEqual([]);
    expect(judges.rows.map((r) => [r.record.role, r.record.clusterNames])).toEqual([
      ['head', []],
      ['member', ['Cụm 1', 'Cụm 2']],
      ['member', ['Cụm 2']],
      ['member', ['Cụm 3']],
      ['member', ['Cụm 1', 'Cụm 3']],
    ]);
    const criteria = previewFile(wb, 'criteria', aContext());
    expect(criteria.problems).toEqual([]);
    expect(
      criteria.rows.map((r) => [r.record.part, r.record.name, r.record.maxCp, r.record.stepCp]),
    ).toEqual([
      [null, 'Chào hỏi', 3000, 25],
      ['Chào hỏi', 'Nội dung', 2000, 50],
      ['Chào hỏi', 'Hình thức, phong cách', 1000, 50],
      [null, 'Kiến thức', 3000, 25],
      ['Kiến thức', 'Trả lời câu hỏi', 3000, 300],
      [null, 'Tiểu phẩm', 4000, 25],
      ['Tiểu phẩm', 'Kịch bản', 2500, 25],
      ['Tiểu phẩm', 'Diễn xuất', 1500, 25],
    ]);
  });

  it.each([
    ['good-utf8-bom.csv', 'utf-8-bom', ','],
    ['good-utf8.csv', 'utf-8', ','],
    ['windows-1258.csv', 'windows-1258', ';'],
  ])(
    '%s: detected as %s with "%s", text identical to the UTF-8 list (NFC)',
    async (name, encoding, separator) => {
      const wb = await readOk(name);
      expect(wb.detected).toEqual({ encoding, separator });
      expect(wb.sheets[0].rows).toEqual(UTF8_ROWS);
      expect(previewFile(wb, 'entrants', aContext()).rows).toHaveLength(6);
    },
  );

  it('good-semicolon.csv: ";" beats the "," of decimal commas, and 8,5 reads as 8.5 points', async () => {
    const wb = await readOk('good-semicolon.csv');
    expect(wb.detected).toEqual({ encoding: 'utf-8', separator: ';' });
    const p = previewFile(wb, 'criteria', aContext());
    expect(p.problems).toEqual([]);
    expect(
      p.rows.filter((r) => r.record.part).map((r) => [r.record.maxCp, r.record.stepCp]),
    ).toEqual([
      [850, 50],
      [150, 25],
      [2000, 50],
    ]);
  });

  it('windows-1252.csv: € ’ – Œ Š decode right (Node 20 TextDecoder gets 0x80–0x9F wrong)', async () => {
    const wb = await readOk('windows-1252.csv');
    expect(wb.detected).toEqual({ encoding: 'windows-1252', separator: ',' });
    expect(wb.sheets[0].rows).toEqual([
      ['Ho ten', 'Don vi', 'Ghi chu'],
      ['Hòa Bình', 'Café Noël', 'Giá 50 €'],
      ['Lê Trí', 'Œuvre Šumava', 'Hà’s note – OK'],
    ]);
    expect(previewFile(wb, 'judges', aContext()).rows.map((r) => r.record.name)).toEqual([
      'Hòa Bình',
      'Lê Trí',
    ]);
  });

  it('quoted-newlines.csv: line breaks, commas and quotes inside quoted fields', async () => {
    const wb = await readOk('quoted-newlines.csv');
    expect(wb.sheets[0].rows).toHaveLength(3);
    const p = previewFile(wb, 'entrants', aContext({ defaultKind: 'team' }));
    expect(p.rows.map((r) => [r.record.name, r.record.members])).toEqual([
      ['Đội “Hoa sen”', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']],
      ['Đội Sông Hồng, Hà Nội', ['Phạm Thị Dung', 'Vũ Văn Em']],
    ]);
  });

  it('NFD text in a UTF-8 CSV comes back NFC', async () => {
    const wb = await readOk(
      'nfd.csv',
      new TextEncoder().encode('Tên đội;Đơn vị\nĐội Hoàn Kiếm;Phường Hàng Bạc\n'.normalize('NFD')),
    );
    expect(wb.sheets[0].rows[1]).toEqual(['Đội Hoàn Kiếm', 'Phường Hàng Bạc']);
  });

  it('wrong-sheet.xlsx: the list on the second sheet is found', async () => {
    const p = previewFile(await readOk('wrong-sheet.xlsx'), 'entrants', aContext());
    expect(p.sheetName).toBe('Danh sách');
    expect(p.rows).toHaveLength(12);
  });

  it('formulas.xlsx: cached results are used; formulas without one are named in the problem', async () => {
    const wb = await readOk('formulas.xlsx');
    expect(wb.sheets[0].rows[1][1]).toEqual({ formula: '10*2', result: 20 });
    expect(wb.sheets[0].rows[4][1]).toEqual({
      formula: 'SUM(B2:B4)',
      result: null,
      error: '#REF!',
    });
    const p = previewFile(wb, 'criteria', aContext());
    expect(p.rows.map((r) => [r.record.name, r.record.maxCp])).toEqual([
      ['Nội dung', 2000],
      ['Hình thức', 1000],
    ]);
    expect(p.problems.map((x) => [x.row, x.column, x.code])).toEqual([
      [4, 'B', 'formulaNoResult'],
      [5, 'B', 'formulaNoResult'],
    ]);
    expect(p.problems[1].message).toContain('#REF!');
  });

  it('dates-in-numbers.xlsx: a date where a number belongs is refused with the reason', async () => {
    const p = previewFile(await readOk('dates-in-numbers.xlsx'), 'criteria', aContext());
    expect(p.problems.map((x) => [x.row, x.column, x.code])).toEqual([[3, 'B', 'dateInNumber']]);
    expect(p.problems[0].message).toContain('08/05/2024');
  });
});

describe('CSV details', () => {
  const utf16le = (text: string) =>
    new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));

  it('Excel "Unicode text" (UTF-16LE, tab-separated) reads', async () => {
    const wb = await readOk(
      'unicode.txt',
      utf16le('Tên đội\tĐơn vị\r\nĐội Ba Đình\tQuận Ba Đình\r\n'),
    );
    expect(wb.detected).toEqual({ encoding: 'utf-16le', separator: '\t' });
    expect(wb.sheets[0].rows[1]).toEqual(['Đội Ba Đình', 'Quận Ba Đình']);
  });

  it('honours Excel\'s "sep=" first line and drops it', async () => {
    const wb = await readOk('sep.csv', new TextEncoder().encode('sep=;\nTên,đội;Đơn vị\nA,1;B\n'));
    expect(wb.detected?.separator).toBe(';');
    expect(wb.sheets[0].rows).toEqual([
      ['Tên,đội', 'Đơn vị'],
      ['A,1', 'B'],
    ]);
  });

  it.each([
    ['Dân vận khéo; Hòa giải ở cơ sở; Nguyễn Thị Thủy', 'windows-1258'],
    ['Đội Phường Ứng Hòa; Trưởng ban; Điểm tối đa', 'windows-1258'],
    ['Hòa Bình, Café Noël, Lê Trí', 'windows-1252'],
  ])('tells 1258 from 1252: %s', (text, expected) => {
    const bytes =
      expected === 'windows-1258' ? encode1258(text) : iconv.encode(text, 'windows-1252');
    expect(decodeText(bytes)).toEqual({ text, encoding: expected });
  });

  it.each([
    ['Mã;Tên;Điểm\nA;Đội 1;8,5\nB;Đội 2;9,25\n', ';'],
    ['Mã,Tên,Điểm\nA,"Đội 1; 2",8.5\nB,Đội 2,9\n', ','],
    ['Mã\tTên\nA\tĐội, 1\n', '\t'],
    ['"Tên\nhai dòng";Đơn vị\n"A;B";C\n', ';'],
  ])('detects the separator of %j', (text, sep) => {
    expect(detectSeparator(text)).toBe(sep);
  });

  it('a quote left open is a clear error', async () => {
    const err = await errorOf(
      'ngoac.csv',
      new TextEncoder().encode('Tên;Đơn vị\n"Đội A;Quận 1\nĐội B;Quận 2\n'),
    );
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain('dấu ngoặc kép');
  });
});

describe('empty and unrecognisable files', () => {
  it('empty.csv (0 bytes) is refused by name', async () => {
    expect(await errorOf('empty.csv')).toMatchObject({
      code: 'emptyFile',
      message: 'Tệp “empty.csv” trống (0 byte). Hãy chọn đúng tệp danh sách.',
    });
  });

  it.each([
    ['empty.xlsx', 'tệp không có dữ liệu.'],
    ['no-header.xlsx', 'không tìm thấy dòng tiêu đề'],
  ])('%s reads, and the preview says what is missing', async (name, text) => {
    const p = previewFile(await readOk(name), 'entrants', aContext());
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatchObject({ code: 'noHeader' });
    expect(p.problems[0].message).toContain(text);
  });
});

describe('hostile files', () => {
  it.each([
    [
      'not-a-spreadsheet.pdf',
      'notSpreadsheet',
      'Tệp “not-a-spreadsheet.pdf” không phải là bảng tính Excel (.xlsx) hoặc CSV (đây là một tệp PDF)',
    ],
    [
      'png-renamed.xlsx',
      'notSpreadsheet',
      'Tệp “png-renamed.xlsx” không phải là bảng tính Excel (.xlsx) hoặc CSV (đây là một ảnh PNG)',
    ],
    ['legacy.xls', 'legacyXls', 'Tệp “legacy.xls” là bảng tính Excel 97–2003 (.xls)'],
    ['encrypted.xlsx', 'encrypted', 'Tệp “encrypted.xlsx” được đặt mật khẩu'],
    ['zip-bomb.xlsx', 'unsafeZip', 'hơn 200 MB khi giải nén'],
    ['zip-bomb-lying.xlsx', 'unsafeZip', 'mục “xl/worksheets/sheet1.xml” khai sai kích thước'],
    ['path-traversal.xlsx', 'unsafeZip', 'chứa đường dẫn không an toàn “../evil”'],
    ['truncated.xlsx', 'corrupt', 'Tệp “truncated.xlsx” bị hỏng hoặc không đầy đủ'],
  ])('%s → %s', async (name, code, text) => {
    const err = await errorOf(name);
    expect(err.code).toBe(code);
    expect(err.message).toContain(text);
  });

  it.each([
    [
      'bao-cao.xls',
      '<html><body><table><tr><td>Tên</td></tr></table></body></html>',
      'một trang HTML/XML',
    ],
    ['anh.jpg.xlsx', '\u00ff\u00d8\u00ff\u00e0 JFIF', 'một ảnh JPEG'],
    ['rac.bin', '\u0001\u0002\u0003\u0004\u0005\u0006 binary', ''],
  ])('%s is not a spreadsheet', async (name, text, what) => {
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 255));
    const err = await errorOf(name, bytes);
    expect(err.code).toBe('notSpreadsheet');
    expect(err.message).toContain(`Tệp “${name}” không phải là bảng tính Excel (.xlsx) hoặc CSV`);
    expect(err.message).toContain(what);
  });

  it('judges content, not the extension: a PDF named .xlsx is still called a PDF', async () => {
    expect((await errorOf('danh-sach.xlsx', fixture('not-a-spreadsheet.pdf'))).message).toContain(
      '(đây là một tệp PDF)',
    );
  });

  it('a zip bomb that passes the size checks is caught by the compression ratio', async () => {
    const err = await errorOf('zip-bomb.xlsx', undefined, {
      limits: { maxUncompressedBytes: 1024 ** 3 },
    });
    expect(err.message).toMatch(/nén \d+ lần/);
  });

  it('a worker over its memory limit is killed with a message, and the next read works', async () => {
    const bytes = await messyEntrantsXlsx(syntheticEntrants(3000));
    const err = await errorOf('lon.xlsx', bytes, { limits: { maxOldGenerationSizeMb: 8 } });
    expect(err).toMatchObject({ code: 'tooLarge' });
    expect(err.message).toContain('8 MB');
    expect((await readOk('good.xlsx')).sheets).toHaveLength(3);
  });

  it('a worker over its time limit is terminated with a message', async () => {
    const err = await errorOf('cham.xlsx', fixture('good.xlsx'), { limits: { timeoutMs: 5 } });
    expect(err).toMatchObject({ code: 'timeout' });
  });

  it('byte-mutated copies of good files never crash the reader', async () => {
    let seed = 20241015;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed);
    const sources = [
      fixture('good.xlsx'),
      fixture('good-utf8-bom.csv'),
      fixture('windows-1258.csv'),
    ];
    const outcomes = { read: 0, refused: 0 };
    for (let i = 0; i < 36; i++) {
      const copy = sources[i % sources.length].slice();
      for (let k = 0; k < 1 + (next() % 8); k++) copy[next() % copy.length] = next() & 255;
      const r = await read(`mutant-${i}.xlsx`, copy);
      outcomes[r instanceof UserFacingError ? 'refused' : 'read']++;
    }
    console.log(
      `byte mutations: ${outcomes.read} read, ${outcomes.refused} refused with a message, 0 crashes`,
    );
    expect(outcomes.read + outcomes.refused).toBe(36);
  });
});

describe('large lists', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'giamkhao-import-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('big-10k.xlsx (generated): 10,000 entrants read and preview within limits', async () => {
    const path = join(dir, 'big-10k.xlsx');
    writeFileSync(path, await messyEntrantsXlsx(syntheticEntrants(10_000)));
    const t0 = performance.now();
    const { workbook, stats } = await readSpreadsheetWithStats(
      'big-10k.xlsx',
      new Uint8Array(readFileSync(path)),
    );
    const p = previewFile(workbook, 'entrants', aContext());
    const ms = performance.now() - t0;
    figures.cases++;
    figures.peakWorkerMb = Math.max(figures.peakWorkerMb, stats.heapPeakMb);
    expect(p.problems).toEqual([]);
    expect(p.rows).toHaveLength(10_000);
    console.log(
      `big-10k.xlsx: ${Math.round(ms)} ms read + preview, worker heap peak ${stats.heapPeakMb} MB`,
    );
  });

  it('a 100,000-row CSV reads within limits', async () => {
    const lines = ['Mã;Tên đội;Đơn vị;Cụm'];
    for (let i = 1; i <= 100_000; i++)
      lines.push(`D${i};Đội số ${i};Phường ${i % 500};Cụm ${1 + (i % 6)}`);
    const { workbook, stats } = await readSpreadsheetWithStats(
      '100k.csv',
      new TextEncoder().encode(lines.join('\r\n')),
    );
    figures.cases++;
    figures.peakWorkerMb = Math.max(figures.peakWorkerMb, stats.heapPeakMb);
    expect(workbook.sheets[0].rows).toHaveLength(100_001);
    console.log(`100k-row CSV: worker ${stats.ms} ms, heap peak ${stats.heapPeakMb} MB`);
  });
});

/** Test-only writer: a SheetModel to .xlsx bytes, escaping formula-like text the way exporters must. */
async function writeSheet(model: SheetModel): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(model.name);
  ws.addRow([...model.headers]);
  for (const row of model.rows)
    ws.addRow(row.map((v) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('export → real .xlsx file → import', () => {
  it('gives back equal entrants, formula-looking text included', async () => {
    const entrants: Entrant[] = ENTRANTS.map((e, i) => ({
      id: `e${i}` as EntrantId,
      roundId: 'r1' as RoundId,
      code: e[0],
      kind: 'model',
      name: i === 0 ? '=HYPERLINK("http://x")' : i === 1 ? '-Mô hình có gạch đầu dòng' : e[1],
      unit: e[2],
      clusterId: `cl-${1 + (i % 6)}` as ClusterId,
      field: e[4],
      level: e[3],
      lead: e[6],
      summary: e[7],
      members: i % 2 ? ['Nguyễn Văn An', 'Trần Thị Bình'] : undefined,
      order: i + 1,
    }));
    const wb = await readOk(
      'xuat-danh-sach.xlsx',
      await writeSheet(entrantsToSheet(entrants, SIX_CLUSTERS)),
    );
    const p = previewFile(wb, 'entrants', aContext());
    expect(p.problems).toEqual([]);
    expect(p.rows.map((r) => r.record)).toEqual(
      entrants.map((e) => entrantToRecord(e, SIX_CLUSTERS)),
    );
  });
});

describe('bundled worker (electron-vite layout: out/main/import-worker.js beside the entry)', () => {
  it('reads through a .js bundle started without tsx', async () => {
    const { build } = await import('esbuild');
    // Inside the project (so node_modules resolve), under the git-ignored .tmp/.
    mkdirSync(resolve(__dirname, '../../.tmp'), { recursive: true });
    const out = mkdtempSync(resolve(__dirname, '../../.tmp/import-bundle-'));
    try {
      const entries = ['read-spreadsheet', 'import-worker'].map((n) =>
        resolve(__dirname, `../../electron/main/import/${n}.ts`),
      );
      await build({
        entryPoints: entries,
        outdir: out,
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        logLevel: 'silent',
      });
      const bundled = (await import(
        join(out, 'read-spreadsheet.js')
      )) as typeof import('../../electron/main/import/read-spreadsheet');
      const wb = await bundled.readSpreadsheet('good.xlsx', fixture('good.xlsx'));
      expect(wb.sheets.map((s) => s.name)).toEqual(['Danh sách', 'Ban giám khảo', 'Thang điểm']);
      await expect(
        bundled.readSpreadsheet('x.pdf', fixture('not-a-spreadsheet.pdf')),
      ).rejects.toMatchObject({ code: 'notSpreadsheet' });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

afterAll(() => {
  console.log(
    `hostile-file figures: ${figures.cases} cases, app crashes or hangs: ${figures.crashes}, peak worker memory: ${figures.peakWorkerMb} MB (V8 heap)`,
  );
  expect(figures.crashes).toBe(0);
});
