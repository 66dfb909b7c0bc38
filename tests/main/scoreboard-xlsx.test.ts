import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { headerFooterText, safeText, xmlSafe } from '../../electron/main/exports/excel-safe';
import { writeScoreboardXlsx } from '../../electron/main/exports/scoreboard-xlsx';
import type { ScoreboardDoc } from '@shared/documents/models';
import { buildScoreboardDoc } from '@shared/documents/scoreboard-doc';
import type {
  Criterion,
  CriterionId,
  Entrant,
  EntrantId,
  Issuer,
  Judge,
  JudgeId,
  RoundId,
  Score,
} from '@shared/model/types';
import { tally, type Penalty, type Tally } from '@shared/tally/tally';

const TONES = 'ạảãàáâậầấẩẫăắằẳẵặẹẻẽèéêềếểễệỉịĩìíọỏõòóôộồốổỗơợờớởỡụủũùúưựừứửữỵỷỹỳýđ';
const PARTY: Issuer = {
  family: 'party',
  superior: 'THÀNH ỦY HÀ NỘI',
  name: 'BAN DÂN VẬN',
  place: 'Hà Nội',
  signerMark: 'T/M BAN TỔ CHỨC',
  signerTitle: 'TRƯỞNG BAN',
  signerName: 'Nguyễn Thị Hằng',
};
const STATE: Issuer = {
  ...PARTY,
  family: 'state',
  superior: 'UBND THÀNH PHỐ HÀ NỘI',
  name: 'ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM',
  signerMark: 'KT. CHỦ TỊCH',
  signerTitle: 'PHÓ CHỦ TỊCH',
};
const HOSTILE = [
  '=HYPERLINK("http://evil.example","bấm")',
  '@SUM(1+1)',
  '+84 912 345 678',
  '-0,5 điểm',
  '\tTab',
  '\rCR',
];

const judges: Judge[] = [
  ['Nguyễn Thị Hằng', 'Sở Nội vụ'],
  ['Trần Văn Đức', 'Ủy ban Mặt trận Tổ quốc phường Hàng Trống'],
  ['Lê Thị Ánh', 'Báo Hà Nội mới'],
].map(([name, unit], i) => ({
  id: `j${i + 1}` as JudgeId,
  contestId: 'c' as never,
  name,
  title: '',
  unit,
  role: i === 0 ? 'head' : 'member',
  clusterIds: [],
  fields: [],
  order: i,
}));
const ROUND = 'r' as RoundId;
const criteria: Criterion[] = [
  {
    id: 'p' as CriterionId,
    roundId: ROUND,
    parentId: null,
    name: 'Tiểu phẩm',
    order: 1,
    maxCp: 0,
    stepCp: 0,
    weight: 1,
  },
  {
    id: 'k1' as CriterionId,
    roundId: ROUND,
    parentId: 'p' as CriterionId,
    name: 'Nội dung kịch bản',
    order: 1,
    maxCp: 2000,
    stepCp: 25,
    weight: 1,
  },
  {
    id: 'k2' as CriterionId,
    roundId: ROUND,
    parentId: 'p' as CriterionId,
    name: 'Diễn xuất',
    order: 2,
    maxCp: 1500,
    stepCp: 50,
    weight: 1,
  },
];
const entrant = (i: number, name: string, unit: string): Entrant => ({
  id: `e${i}` as EntrantId,
  roundId: ROUND,
  code: `D${i}`,
  kind: 'team',
  name,
  unit,
  clusterId: null,
  order: i,
});

/** A cluster tallied by the real tally: a judge from the entrant's own unit is excluded (conflict). */
function clusterTally(entrants: readonly Entrant[], penalties: Penalty[] = []): Tally {
  const scores: Score[] = entrants.flatMap((e, i) =>
    judges.flatMap((j, k) =>
      criteria.slice(1).map((c, m) => ({
        roundId: ROUND,
        judgeId: j.id,
        entrantId: e.id,
        criterionId: c.id,
        steps: 20 + ((i * 7 + k * 3 + m * 5) % 11),
      })),
    ),
  );
  return tally({
    round: { policy: { kind: 'mean' } },
    criteria,
    entrants,
    judges,
    scores,
    penalties,
    excluded: (j, e) => (j.unit === e.unit ? 'conflict' : 'none'),
  });
}

function realisticDoc(issuer: Issuer): ScoreboardDoc {
  const cluster1 = clusterTally(
    [
      entrant(1, 'Đội Phường Hoàn Kiếm', 'Ủy ban Mặt trận Tổ quốc phường Hoàn Kiếm'),
      entrant(2, `Đội Tổ dân phố ${TONES}`, 'Ủy ban Mặt trận Tổ quốc phường Hàng Trống'),
      entrant(3, TONES.toLocaleUpperCase('vi'), TONES.toLocaleUpperCase('vi')),
      ...HOSTILE.map((name, k) => entrant(10 + k, name, name)),
    ],
    [{ entrantId: 'e1' as EntrantId, cp: 50, reason: 'quá giờ' }],
  );
  const cluster2 = clusterTally([entrant(4, 'Đội Phường Hàng Trống', 'Đảng ủy phường Hàng Trống')]);
  const prizes = new Map([
    ['e1', 'Nhất'],
    ['e2', 'Nhì'],
    ['e4', 'Nhất'],
  ]);
  return buildScoreboardDoc({
    contest: { name: 'Hội thi “Dân vận khéo” năm 2026', issuer },
    roundName: 'Vòng sơ khảo',
    dateText: 'Hà Nội, ngày 15 tháng 10 năm 2026',
    venue: 'Nhà văn hóa quận Hoàn Kiếm',
    groups: [
      { title: 'Cụm 1: Hoàn Kiếm/Hàng Trống', tally: cluster1 },
      { title: 'Cụm 2', tally: cluster2 },
    ],
    judges,
    prizeOf: (id) => prizes.get(id),
    secretaryName: 'Phạm Thu Trang',
    chainHead: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  });
}

// Read back with an independent reader (openpyxl), as a user's spreadsheet program would.
const READER = String.raw`
import html, json, re, sys, zipfile, openpyxl
path, tones = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(path)
z = zipfile.ZipFile(path)
out = {"sheets": [], "tonesInXml": tones.encode("utf-8") in z.read("xl/sharedStrings.xml")}
for i, ws in enumerate(wb.worksheets):
    raw = re.search(r"<oddFooter>(.*?)</oddFooter>", z.read(f"xl/worksheets/sheet{i + 1}.xml").decode("utf-8"))
    ps, m = ws.page_setup, ws.page_margins
    cells = [[c.coordinate, c.row, c.column, c.value, c.data_type, c.number_format, c.font.name, bool(c.font.b)]
             for row in ws.iter_rows() for c in row if c.value is not None]
    out["sheets"].append({"name": ws.title, "orientation": ps.orientation, "paperSize": ps.paperSize,
        "fitToWidth": ps.fitToWidth, "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage,
        "printTitleRows": ws.print_title_rows, "footer": ws.oddFooter.left.text,
        "footerCodeLength": len(html.unescape(raw.group(1))) if raw else -1,
        "margins": [m.top, m.bottom, m.left, m.right], "cells": cells})
print(json.dumps(out, ensure_ascii=False))
`;
type ReadCell = [string, number, number, string | number, string, string, string, boolean];
interface ReadSheet {
  name: string;
  orientation: string;
  paperSize: number;
  fitToWidth: number;
  fitToPage: boolean;
  printTitleRows: string;
  footer: string;
  footerCodeLength: number;
  margins: number[];
  cells: ReadCell[];
}

const dir = mkdtempSync(join(tmpdir(), 'gk-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function roundTrip(
  doc: ScoreboardDoc,
  file: string,
): Promise<{ sheets: ReadSheet[]; tonesInXml: boolean }> {
  const path = join(dir, file);
  writeFileSync(path, await writeScoreboardXlsx(doc));
  const r = spawnSync('/usr/bin/python3', ['-c', READER, path, TONES], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
  });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}
const at = (s: ReadSheet, row: number, col: number) =>
  s.cells.find((c) => c[1] === row && c[2] === col);
const texts = (s: ReadSheet) =>
  s.cells.map((c) => c[3]).filter((v): v is string => typeof v === 'string');

describe('formula-injection guard', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+84', "'+84"],
    ['-0,5', "'-0,5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\0x', "'\0x"],
    ['Đội 1', 'Đội 1'],
    ['−0,5', '−0,5'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, expected) => {
    expect(safeText(input)).toBe(expected);
  });

  it('property: guarded text never starts with a trigger, keeps the original after the mark, and is stable', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const g = safeText(s);
        expect(g).not.toMatch(/^[=+\-@\t\r\0]/);
        expect(g === s || g === `'${s}`).toBe(true);
        expect(safeText(g)).toBe(g);
      }),
    );
  });

  it('escapes & in header/footer codes', () => {
    expect(headerFooterText('A&B')).toBe('A&&B');
  });

  it.each([
    ["'\0x", "'x"],
    ['a\u0001b\u001fc', 'abc'],
    ['tab\tLF\nCR\r', 'tab\tLF\nCR\r'],
    ['😀 Đội', '😀 Đội'],
    ['\ud800lone', 'lone'],
    ['x\uffff', 'x'],
  ])('xmlSafe(%j) → %j: only what XML cannot hold is dropped', (input, expected) => {
    expect(xmlSafe(input)).toBe(expected);
  });
});

describe('scoreboard .xlsx read back with openpyxl', async () => {
  const doc = realisticDoc(PARTY);
  const { sheets, tonesInXml } = await roundTrip(doc, 'party.xlsx');

  it('one sheet per group, names sanitised, A4 landscape, fit to width, official margins', () => {
    expect(sheets.map((s) => s.name)).toEqual(doc.sheets.map((s) => s.name));
    expect(sheets[0].name).not.toMatch(/[:/]/);
    for (const s of sheets) {
      expect(s.orientation).toBe('landscape');
      expect(s.paperSize).toBe(9);
      expect(s.fitToPage).toBe(true);
      expect(s.fitToWidth).toBe(1);
      const [top, bottom, left, right] = s.margins.map((inch) => inch * 25.4);
      const mm = 1e-6; // inches ↔ mm round-off
      expect(top).toBeGreaterThanOrEqual(20 - mm);
      expect(bottom).toBeGreaterThanOrEqual(20 - mm);
      expect(left).toBeGreaterThanOrEqual(30 - mm);
      expect(right).toBeGreaterThanOrEqual(15 - mm);
    }
  });

  it('the table: header row repeats on every page, numbers are numbers with 2 decimals shown, text byte-exact', () => {
    doc.sheets.forEach((sheetDoc, k) => {
      const s = sheets[k];
      const header = s.cells.find((c) => c[3] === 'STT')!;
      const hr = header[1];
      expect(s.printTitleRows).toBe(`$${hr}:$${hr}`);
      sheetDoc.columns.forEach((col, c) => {
        expect(at(s, hr, c + 1)?.[3]).toBe(col.header);
        expect(at(s, hr, c + 1)?.[7]).toBe(true);
      });
      sheetDoc.rows.forEach((row, r) => {
        row.forEach((v, c) => {
          const cell = at(s, hr + 1 + r, c + 1);
          const col = sheetDoc.columns[c];
          if (v === null) expect(cell).toBeUndefined();
          else if (typeof v === 'number') {
            expect(cell?.[4]).toBe('n');
            expect(cell?.[3]).toBe(v);
            expect(cell?.[5]).toBe(col.kind === 'number' ? '0.00' : '0');
          } else {
            expect(cell?.[4]).toBe('s');
            expect(cell?.[3]).toBe(safeText(v));
          }
        });
      });
    });
  });

  it('Vietnamese survives byte-exact, NFC', () => {
    const all = texts(sheets[0]);
    expect(all).toContain('Đội Phường Hoàn Kiếm');
    expect(all).toContain(`Đội Tổ dân phố ${TONES}`);
    expect(all).toContain(TONES.toLocaleUpperCase('vi'));
    expect(all).toContain('Ủy ban Mặt trận Tổ quốc phường Hoàn Kiếm');
    expect(all.every((t) => t === t.normalize('NFC'))).toBe(true);
    expect(tonesInXml).toBe(true);
  });

  it('formula-leading text gets an apostrophe and stays text', () => {
    // The builder trims leading whitespace (tab, CR); the hand-made doc below sends those raw.
    for (const h of HOSTILE.filter((x) => /^[=+\-@]/.test(x))) {
      const hits = sheets[0].cells.filter((c) => c[3] === `'${h}`);
      expect(hits.length, h).toBe(2); // name and unit
      expect(hits.every((c) => c[4] === 's')).toBe(true);
    }
    expect(sheets[0].cells.some((c) => typeof c[3] === 'string' && /^[=+\-@\t\r]/.test(c[3]))).toBe(
      false,
    );
  });

  it('Party heading, title, notes, signatures, and the chain head in the footer and as the last line', () => {
    const s = sheets[0];
    const all = texts(s);
    for (const t of [
      'THÀNH ỦY HÀ NỘI',
      'BAN DÂN VẬN',
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'BẢNG TỔNG HỢP ĐIỂM',
      'Hà Nội, ngày 15 tháng 10 năm 2026',
      'THƯ KÝ',
      'TRƯỞNG BAN GIÁM KHẢO',
      'Phạm Thu Trang',
    ]) {
      expect(all, t).toContain(t);
    }
    expect(all).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(all.some((t) => t.includes('xung đột lợi ích') && t.includes('GK2'))).toBe(true);
    const party = s.cells.find((c) => c[3] === 'ĐẢNG CỘNG SẢN VIỆT NAM')!;
    expect(party[7]).toBe(true);
    const head = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
    expect(s.footer).toContain(head);
    const last = s.cells.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(String(last[3])).toContain(head);
    const signRow = s.cells.find((c) => c[3] === 'THƯ KÝ')![1];
    expect(signRow).toBeGreaterThan(
      s.cells.find((c) => c[3] === 'STT')![1] + doc.sheets[0].rows.length,
    );
    expect(s.cells.every((c) => c[6] === 'Times New Roman')).toBe(true);
  });

  it('a −0,5 penalty from the tally is a negative number cell, and the conflict is a blank cell explained in the notes', () => {
    const s = sheets[0];
    const hr = s.cells.find((c) => c[3] === 'STT')![1];
    const penaltyCol = s.cells.find((c) => c[1] === hr && c[3] === 'Điểm trừ')![2];
    const row1 = s.cells.find((c) => c[2] === 2 && c[3] === 'Đội Phường Hoàn Kiếm')![1];
    expect(at(s, row1, penaltyCol)?.slice(3, 6)).toEqual([-0.5, 'n', '0.00']);
    const row2 = s.cells.find((c) => c[2] === 2 && c[3] === `Đội Tổ dân phố ${TONES}`)![1];
    const gk2 = s.cells.find((c) => c[1] === hr && c[3] === 'GK2')![2];
    expect(at(s, row2, gk2)).toBeUndefined();
    expect(
      texts(s).some((t) => t.includes('xung đột lợi ích') && t.includes(`GK2 ở STT ${row2 - hr}`)),
    ).toBe(true);
  });

  it('a long footer full of & is cut to fit Excel’s 255-character header/footer limit', async () => {
    const { sheets: fs } = await roundTrip(
      { ...doc, footer: `R&D ${'&'.repeat(150)} ${'x'.repeat(140)}` },
      'footer.xlsx',
    );
    expect(fs[0].footerCodeLength).toBeGreaterThan(100);
    expect(fs[0].footerCodeLength).toBeLessThanOrEqual(255);
    expect(sheets[0].footerCodeLength).toBeLessThanOrEqual(255);
  });

  it('State heading: national name and motto instead of the Party line', async () => {
    const { sheets: st } = await roundTrip(realisticDoc(STATE), 'state.xlsx');
    const all = texts(st[0]);
    expect(all).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(all).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(all).toContain('ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM');
    expect(all).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('a −0,5 penalty number stays a number; decimals follow the column', async () => {
    const small: ScoreboardDoc = {
      ...doc,
      sheets: [
        {
          name: 'Phạt',
          title: 'BẢNG ĐIỂM TRỪ',
          subtitle: '',
          notes: [],
          columns: [
            { header: 'Đội', kind: 'text' },
            { header: 'Trừ', kind: 'number', decimals: 1 },
            { header: 'Lý do', kind: 'text' },
          ],
          rows: [
            ['Đội 1', -0.5, '-quá giờ'],
            ['\tTab', 0, '\rCR'],
            ['\0nul', null, '=cmd|"/c calc"!A1'],
          ],
        },
      ],
    };
    const { sheets: ph } = await roundTrip(small, 'penalty.xlsx');
    const hr = ph[0].cells.find((c) => c[3] === 'Đội')![1];
    expect(at(ph[0], hr + 1, 2)?.slice(3, 6)).toEqual([-0.5, 'n', '0.0']);
    expect(at(ph[0], hr + 1, 3)?.[3]).toBe("'-quá giờ");
    expect(at(ph[0], hr + 2, 1)?.[3]).toBe("'\tTab");
    expect(at(ph[0], hr + 2, 3)?.[3]).toMatch(/^'[\r\n]CR$/); // XML readers turn a bare CR into LF
    expect(at(ph[0], hr + 3, 1)?.[3]).toBe("'nul"); // NUL cannot be stored in XML: guarded, then dropped
    expect(at(ph[0], hr + 3, 3)?.[3]).toBe('\'=cmd|"/c calc"!A1');
  });
});
