/**
 * Provisional until complete, on paper: a scoreboard of a round with a sheet missing says "KẾT QUẢ
 * TẠM THỜI" in its title, names the missing sheet above the table and in the first note; its
 * certificates carry the mark on every page; final results carry none of it. Read back with
 * readers we did not write (openpyxl, pdftotext).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCertificatesPdf } from '../../electron/main/exports/certificates-pdf';
import { writeScoreboardXlsx } from '../../electron/main/exports/scoreboard-xlsx';
import { buildCertificateDoc } from '@shared/documents/certificate-doc';
import { certificateDocSchema, scoreboardDocSchema } from '@shared/documents/models';
import { buildScoreboardDoc } from '@shared/documents/scoreboard-doc';
import type { ClusterId, EntrantId, JudgeId } from '@shared/model/types';
import { roundCompleteness, type SheetStateLike } from '@shared/results/completeness';
import { roundResults } from '@shared/results/round-results';
import {
  aCluster,
  aContest,
  aCriterion,
  aJudge,
  aRound,
  aScore,
  anEntrant,
} from '../support/builders';
import { expectWithinMarginsNoOverlap } from '../support/pdf-words';

const FONTS = resolve(__dirname, '../../resources/fonts');
const dir = mkdtempSync(join(tmpdir(), 'gk-provisional-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const k1 = aCluster({ id: 'k1' as ClusterId, name: 'Cụm 1' });
const k2 = aCluster({ id: 'k2' as ClusterId, name: 'Cụm 2', order: 1 });
const round = aRound({
  stage: 'preliminary',
  name: 'Vòng sơ khảo',
  prizesPerCluster: true,
  prizes: [
    { name: 'Giải Nhất', count: 1 },
    { name: 'Giải Nhì', count: 1 },
  ],
});
const entrants = [
  anEntrant({
    id: 'e1' as EntrantId,
    code: 'D1',
    name: 'Đội Phường Hoàn Kiếm',
    unit: 'Phường Hoàn Kiếm',
    clusterId: k1.id,
  }),
  anEntrant({
    id: 'e2' as EntrantId,
    code: 'D2',
    name: 'Đội Phường Ba Đình',
    unit: 'Phường Ba Đình',
    clusterId: k1.id,
    order: 1,
  }),
  anEntrant({
    id: 'e3' as EntrantId,
    code: 'D3',
    name: 'Đội Xã Ứng Hòa',
    unit: 'Xã Ứng Hòa',
    clusterId: k2.id,
    order: 2,
  }),
];
const judges = [
  aJudge({
    id: 'j1' as JudgeId,
    name: 'Nguyễn Thị Hằng',
    role: 'head',
    unit: 'Ban Dân vận',
    order: 0,
  }),
  aJudge({
    id: 'j2' as JudgeId,
    name: 'Nguyễn Văn A',
    unit: 'Sở Nội vụ',
    clusterIds: [k2.id],
    order: 1,
  }),
];
const scores = [
  aScore({ judgeId: 'j1' as JudgeId, entrantId: 'e1' as EntrantId, steps: 18 }),
  aScore({ judgeId: 'j1' as JudgeId, entrantId: 'e2' as EntrantId, steps: 14 }),
  aScore({ judgeId: 'j1' as JudgeId, entrantId: 'e3' as EntrantId, steps: 16 }),
];
const results = roundResults(round, [k1, k2], [aCriterion()], entrants, judges, scores);
const sheets = (...ids: string[]): SheetStateLike[] =>
  ids.map((judgeId) => ({
    roundId: 'r1',
    judgeId,
    entrantId: null,
    pass: null,
    state: 'submitted',
  }));
const MISSING = 'GK2 Nguyễn Văn A — Cụm 2: chưa nộp phiếu (0/1 đội đã chấm đủ)';

function scoreboard(submittedBy: string[]) {
  const completeness = roundCompleteness({
    round,
    groups: results.groups,
    judges,
    sheets: sheets(...submittedBy),
  });
  return buildScoreboardDoc({
    contest: aContest(),
    roundName: round.name,
    groups: results.groups.map((g) => ({ title: g.title, tally: g.tally })),
    judges,
    prizeOf: (id) => results.groups[0].prizes.get(id),
    chainHead: 'ab'.repeat(32),
    completeness,
  });
}

const READ_XLSX = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([[[c.value, c.font.color.rgb if c.font and c.font.color else None] for row in ws.iter_rows() for c in row if c.value is not None] for ws in wb.worksheets], ensure_ascii=False, default=str))
`;

async function readXlsx(
  doc: ReturnType<typeof scoreboard>,
  name: string,
): Promise<[string, string | null][][]> {
  const path = join(dir, name);
  writeFileSync(path, await writeScoreboardXlsx(scoreboardDocSchema.parse(doc)));
  const r = spawnSync('/usr/bin/python3', ['-c', READ_XLSX, path], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('rule: provisional until complete — documents', () => {
  it('a scoreboard with a sheet missing says KẾT QUẢ TẠM THỜI in every sheet title, names the sheet in red above the table and in the first note', async () => {
    const doc = scoreboard(['j1']);
    expect(doc.sheets.map((s) => s.title)).toEqual([
      'BẢNG TỔNG HỢP ĐIỂM (KẾT QUẢ TẠM THỜI)',
      'BẢNG TỔNG HỢP ĐIỂM (KẾT QUẢ TẠM THỜI)',
    ]);
    expect(doc.sheets[0].notes[0]).toMatch(/^KẾT QUẢ TẠM THỜI: còn 1 phiếu chấm chưa nộp/);
    const sheetsRead = await readXlsx(doc, 'provisional.xlsx');
    expect(sheetsRead).toHaveLength(2);
    for (const cells of sheetsRead) {
      const texts = cells.map(([v]) => String(v));
      expect(texts).toContain('BẢNG TỔNG HỢP ĐIỂM (KẾT QUẢ TẠM THỜI)');
      const mark = cells.find(([v]) => String(v).startsWith('KẾT QUẢ TẠM THỜI —'));
      expect(mark?.[1]).toBe('FFC00000');
      const line = cells.find(([v]) => String(v) === `• ${MISSING}`);
      expect(line?.[1]).toBe('FFC00000');
      // Above the table: the mark comes before the header row's "STT".
      expect(texts.indexOf(`• ${MISSING}`)).toBeLessThan(texts.indexOf('STT'));
      expect(
        texts.some((t) => t.startsWith('1. KẾT QUẢ TẠM THỜI: còn 1 phiếu chấm chưa nộp')),
      ).toBe(true);
    }
  });

  it('a scoreboard whose every assigned sheet is in is final: no mark anywhere', async () => {
    const doc = scoreboard(['j1', 'j2']);
    expect(doc.provisional).toBeUndefined();
    const texts = (await readXlsx(doc, 'final.xlsx')).flat().map(([v]) => String(v));
    expect(texts).toContain('BẢNG TỔNG HỢP ĐIỂM');
    expect(texts.join('\n')).not.toMatch(/TẠM THỜI/i);
  });

  it('an absence recorded with a reason makes the scoreboard final and is printed in the notes', () => {
    const excusedRound = {
      ...round,
      decisions: {
        absences: [
          {
            judgeId: 'j2' as JudgeId,
            reason: 'Ốm, vắng buổi chấm',
            by: 'Trưởng ban',
            at: '2026-11-23T09:00:00.000Z',
          },
        ],
      },
    };
    const completeness = roundCompleteness({
      round: excusedRound,
      groups: results.groups,
      judges,
      sheets: sheets('j1'),
    });
    const doc = buildScoreboardDoc({
      contest: aContest(),
      roundName: round.name,
      groups: results.groups,
      judges,
      prizeOf: () => undefined,
      chainHead: 'ab'.repeat(32),
      completeness,
    });
    expect(doc.provisional).toBeUndefined();
    expect(doc.sheets[0].notes[0]).toBe(
      'Giám khảo không nộp phiếu, có ghi lý do (kết quả không chờ phiếu của họ): Nguyễn Văn A: không nộp phiếu — Ốm, vắng buổi chấm (Trưởng ban ghi nhận).',
    );
  });

  it('certificates of a provisional round carry “Kết quả tạm thời” on every page, inside the page and clear of the text', async () => {
    const completeness = roundCompleteness({
      round,
      groups: results.groups,
      judges,
      sheets: sheets('j1'),
    });
    const build = (c?: typeof completeness) =>
      buildCertificateDoc({
        contest: aContest(),
        entrants,
        prizeOf: (id) => results.groups.map((g) => g.prizes.get(id)).find(Boolean),
        date: '2026-11-23',
        chainHead: 'ab'.repeat(32),
        completeness: c,
      });
    const path = join(dir, 'provisional.pdf');
    writeFileSync(
      path,
      await writeCertificatesPdf(certificateDocSchema.parse(build(completeness)), FONTS),
    );
    const pages = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
      .stdout.normalize('NFC')
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBe(3); // Nhất and Nhì in Cụm 1, Nhất in Cụm 2: one page each
    for (const p of pages) {
      expect(p).toContain('KẾT QUẢ TẠM THỜI');
      expect(p).toContain('còn 1 phiếu chưa nộp');
    }
    expectWithinMarginsNoOverlap(path, 1, 20);

    const finalPath = join(dir, 'final.pdf');
    writeFileSync(
      finalPath,
      await writeCertificatesPdf(
        certificateDocSchema.parse(
          build(
            roundCompleteness({
              round,
              groups: results.groups,
              judges,
              sheets: sheets('j1', 'j2'),
            }),
          ),
        ),
        FONTS,
      ),
    );
    expect(
      spawnSync('pdftotext', [finalPath, '-'], { encoding: 'utf8' }).stdout.normalize('NFC'),
    ).not.toMatch(/TẠM THỜI/i);
  });

  it('documents made before this mark existed still pass the schemas (the field is optional)', () => {
    const { provisional: _p, ...old } = scoreboard(['j1']);
    expect(scoreboardDocSchema.safeParse(old).success).toBe(true);
  });
});
