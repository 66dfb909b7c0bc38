import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectWithinMarginsNoOverlap, pdfWords, type Word } from '../support/pdf-words';
import { writeScoreSheetsPdf } from '../../electron/main/exports/score-sheets-pdf';
import { scoreSheetDocSchema, type ScoreSheetDoc } from '@shared/documents/models';
import { buildScoreSheetDoc } from '@shared/documents/score-sheet-doc';
import type {
  Cluster,
  ClusterId,
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

const FONTS = resolve(__dirname, '../../resources/fonts');
const ROUND = 'r1' as RoundId;
const PARTY: Issuer = {
  family: 'party',
  superior: 'THÀNH ỦY HÀ NỘI',
  name: 'BAN DÂN VẬN',
  place: 'Hà Nội',
  signerMark: 'T/M BAN TỔ CHỨC',
  signerTitle: 'TRƯỞNG BAN',
  signerName: '',
};
const STATE: Issuer = {
  family: 'state',
  superior: 'UBND THÀNH PHỐ HÀ NỘI',
  name: 'ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM',
  place: 'Hà Nội',
  signerMark: 'KT. CHỦ TỊCH',
  signerTitle: 'PHÓ CHỦ TỊCH',
  signerName: '',
};
const CHAIN = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const LONG =
  'Đội “Dân vận khéo” phường Hàng Trống – tiểu phẩm “Tổ dân phố không có người vi phạm pháp luật, cùng chung tay xây dựng nếp sống văn minh đô thị”';

const crit = (
  id: string,
  parentId: string | null,
  name: string,
  order: number,
  points: number,
  stepCp = 50,
  over: Partial<Criterion> = {},
): Criterion => ({
  id: id as CriterionId,
  roundId: ROUND,
  parentId: parentId as CriterionId | null,
  name,
  order,
  maxCp: points * 100,
  stepCp,
  weight: 1,
  ...over,
});
const CRITERIA: Criterion[] = [
  crit('p1', null, 'Chào hỏi', 0, 20),
  crit('p1a', 'p1', 'Nội dung', 0, 10),
  crit('p1b', 'p1', 'Hình thức, phong cách', 1, 10, 25),
  crit('p2', null, 'Kiến thức', 1, 30),
  crit('p2a', 'p2', 'Câu hỏi', 0, 30, 100, { objective: true }),
  crit('p3', null, 'Tiểu phẩm', 2, 50),
  crit('p3a', 'p3', 'Nội dung kịch bản', 0, 20),
  crit('p3b', 'p3', 'Diễn xuất', 1, 15),
  crit('p3c', 'p3', 'Phù hợp thực tiễn địa phương', 2, 15),
];
/** Twelve criteria, the most the layout is sized for. */
const TWELVE: Criterion[] = [
  crit('a', null, 'Chào hỏi', 0, 30),
  crit('b', null, 'Tiểu phẩm', 1, 60),
  crit('z', null, 'Ấn tượng chung', 2, 10),
  ...['Nội dung chào hỏi', 'Hình thức', 'Phong cách, trang phục', 'Thời gian'].map((n, i) =>
    crit(`a${i}`, 'a', n, i, [10, 10, 5, 5][i]),
  ),
  ...[
    'Kịch bản',
    'Thông điệp',
    'Diễn xuất',
    'Âm nhạc',
    'Sáng tạo',
    'Phù hợp thực tiễn',
    'Hiệu quả, khả năng nhân rộng',
  ].map((n, i) => crit(`b${i}`, 'b', n, i, [10, 10, 10, 5, 10, 10, 5][i])),
];
const JUDGES: Judge[] = [
  {
    id: 'j1' as JudgeId,
    contestId: 'c' as never,
    name: 'Nguyễn Thị Hằng',
    title: '',
    unit: 'Ban Dân vận Thành ủy',
    role: 'head',
    clusterIds: [],
    fields: [],
    order: 0,
  },
  {
    id: 'j2' as JudgeId,
    contestId: 'c' as never,
    name: 'Trần Văn Đức',
    title: '',
    unit: 'Đảng ủy phường Cửa Nam',
    role: 'member',
    clusterIds: [],
    fields: [],
    order: 1,
  },
];
const CLUSTERS: Cluster[] = [
  { id: 'k1' as ClusterId, roundId: ROUND, name: 'Cụm thi số 1', order: 0 },
  { id: 'k2' as ClusterId, roundId: ROUND, name: 'Cụm thi số 2', order: 1 },
];
const PLACES = [
  'Hoàn Kiếm',
  'Cửa Nam',
  'Hàng Trống',
  'Ba Đình',
  'Ngọc Hà',
  'Kim Liên',
  'Ô Chợ Dừa',
  'Láng Hạ',
];

function entrants(perCluster: readonly number[], longName = -1): Entrant[] {
  let n = 0;
  return perCluster.flatMap((count, k) =>
    Array.from({ length: count }, () => {
      const i = n++;
      return {
        id: `e${i}` as EntrantId,
        roundId: ROUND,
        code: `D${i}`,
        kind: 'team' as const,
        name: i === longName ? LONG : `Đội phường ${PLACES[i % PLACES.length]} số ${i + 1}`,
        unit: i === 1 ? 'Đảng ủy phường Cửa Nam' : `Đảng ủy phường ${PLACES[i % PLACES.length]}`,
        clusterId: CLUSTERS[k].id,
        order: i,
      };
    }),
  );
}
function scores(es: readonly Entrant[], criteria: readonly Criterion[]): Score[] {
  return JUDGES.flatMap((j) =>
    es.flatMap((e, n) =>
      criteria
        .filter((c) => c.parentId && !c.objective)
        .map((c) => ({
          roundId: ROUND,
          judgeId: j.id,
          entrantId: e.id,
          criterionId: c.id,
          steps: Math.floor((c.maxCp / c.stepCp) * 0.8) - (n % 3),
        })),
    ),
  );
}
function sheets(opts: {
  perCluster: number[];
  issuer?: Issuer;
  criteria?: Criterion[];
  prefilled?: boolean;
  judges?: Judge[];
  longName?: number;
}): ScoreSheetDoc {
  const es = entrants(opts.perCluster, opts.longName);
  const criteria = opts.criteria ?? CRITERIA;
  const doc = buildScoreSheetDoc({
    contest: {
      name: 'Hội thi “Dân vận khéo” quận Hoàn Kiếm năm 2026',
      issuer: opts.issuer ?? PARTY,
    },
    roundName: 'Vòng sơ khảo',
    criteria,
    judges: opts.judges ?? JUDGES,
    clusters: CLUSTERS.slice(0, opts.perCluster.length),
    entrants: es,
    scores: opts.prefilled ? scores(es, criteria) : undefined,
    date: '2026-10-15',
    chainHead: CHAIN,
  });
  return scoreSheetDocSchema.parse(doc);
}

const dir = mkdtempSync(join(tmpdir(), 'gk-sheets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, ' ');
const pagesOf = (path: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]).stdout)?.[1]);
const pageText = (path: string, page: number) =>
  squash(run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-']).stdout);

/** Every word of `phrase` is on the page: narrow header cells wrap, so phrases are checked word by word. */
function hasWords(ws: readonly Word[], phrase: string): boolean {
  const bag = ws.map((w) => w.text);
  return phrase.split(/\s+/).every((t) => bag.includes(t));
}

describe.each([
  [
    'party, pre-filled',
    PARTY,
    true,
    ['ĐẢNG CỘNG SẢN VIỆT NAM', 'THÀNH ỦY HÀ NỘI', 'BAN DÂN VẬN'],
    'CỘNG HÒA',
  ],
  [
    'state, blank',
    STATE,
    false,
    [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM',
    ],
    'ĐẢNG CỘNG SẢN',
  ],
] as const)(
  '2 judges × 2 clusters (%s), read back with poppler and qpdf',
  async (name, issuer, prefilled, heading, absent) => {
    const doc = sheets({ perCluster: [5, 7], issuer, prefilled, longName: 2 });
    const path = join(dir, `${name.replace(/\W+/g, '-')}.pdf`);
    writeFileSync(path, await writeScoreSheetsPdf(doc, FONTS));

    it('is a structurally valid PDF (qpdf --check)', () => {
      const r = run('qpdf', ['--check', path]);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('No syntax or stream encoding errors');
    });

    it('has one A4 landscape page per (judge, cluster) sheet for clusters of 5 and 7 teams, in cluster order', () => {
      expect(doc.sheets).toHaveLength(4);
      const info = run('pdfinfo', [path]).stdout;
      expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
      expect(pagesOf(path)).toBe(4);
      const order = [1, 2, 3, 4].map((p) => {
        const t = pageText(path, p);
        return `${/Cụm thi số \d/.exec(t)?.[0]} ${/Giám khảo: (Nguyễn Thị Hằng|Trần Văn Đức)/.exec(t)?.[1]}`;
      });
      expect(order).toEqual([
        'Cụm thi số 1 Nguyễn Thị Hằng',
        'Cụm thi số 1 Trần Văn Đức',
        'Cụm thi số 2 Nguyễn Thị Hằng',
        'Cụm thi số 2 Trần Văn Đức',
      ]);
    });

    it('embeds only subsets of the bundled Tinos fonts, with Unicode maps', () => {
      const lines = run('pdffonts', [path]).stdout.trim().split('\n').slice(2);
      expect(lines.length).toBeGreaterThanOrEqual(3);
      for (const l of lines) {
        const cols = l.trim().split(/\s+/);
        expect(cols[0], l).toMatch(/^[A-Z]{6}\+Tinos(-Bold|-Italic|-BoldItalic)?$/);
        expect(cols.slice(-5, -2), l).toEqual(['yes', 'yes', 'yes']);
      }
      expect(lines.join('\n')).not.toMatch(/Helvetica|Times|Courier|Symbol/);
    });

    it('extracts every Vietnamese heading, name and header, NFC, page by page', () => {
      const all = run('pdftotext', ['-layout', path, '-']).stdout;
      expect(all).toBe(all.normalize('NFC'));
      doc.sheets.forEach((s, i) => {
        const text = pageText(path, i + 1);
        const { words: ws } = pdfWords(path, i + 1);
        for (const t of [
          ...heading,
          'PHIẾU CHẤM ĐIỂM',
          'Hội thi “Dân vận khéo” quận Hoàn Kiếm năm 2026',
          s.scopeLine,
          s.judgeLine,
          'GIÁM KHẢO',
          '(Ký, ghi rõ họ tên)',
          'Hà Nội, ngày 15 tháng 10 năm 2026',
          'Ghi chú:',
          CHAIN,
          'Trang 1/1',
        ]) {
          expect(text, `page ${i + 1}: ${t}`).toContain(squash(t));
        }
        expect(text).not.toContain(absent);
        for (const t of [
          'STT',
          'Đội thi',
          'Chào hỏi (20)',
          'Tiểu phẩm (50)',
          'Nội dung (10)',
          'Hình thức, phong cách (10)',
          'Nội dung kịch bản (20)',
          'Diễn xuất (15)',
          'Phù hợp thực tiễn địa phương (15)',
          'Tổng (70)',
          ...s.notes,
        ]) {
          expect(hasWords(ws, t), `page ${i + 1}: header ${t}`).toBe(true);
        }
        for (const r of s.rows) {
          expect(hasWords(ws, r.name), `page ${i + 1}: ${r.name}`).toBe(true);
          expect(hasWords(ws, r.unit), `page ${i + 1}: ${r.unit}`).toBe(true);
          for (const c of [...r.cells, r.total, r.remark].filter(Boolean))
            expect(hasWords(ws, c), `page ${i + 1}: cell ${c}`).toBe(true);
        }
        // The signature carries the judge's printed name under the signing space.
        expect(text).toContain(s.signature.name);
      });
      expect(squash(all)).toContain('Phần “Kiến thức” do Thư ký ghi điểm');
      if (prefilled) {
        expect(squash(all)).toContain('7,75');
        expect(squash(all)).toContain('Không chấm (cùng đơn vị)');
      }
    });

    it('keeps every word inside the margins, and no two words overlap (long names wrap)', () => {
      for (let p = 1; p <= pagesOf(path); p++) expectWithinMarginsNoOverlap(path, p, 20);
    });

    it('renders (pdftoppm) without errors', () => {
      const out = join(dir, `${name.replace(/\W+/g, '-')}-page`);
      const r = run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', path, out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(statSync(`${out}-1.png`).size).toBeGreaterThan(5000);
    });
  },
);
describe('a 40-entrant cluster', async () => {
  const doc = sheets({ perCluster: [40], judges: [JUDGES[0]], prefilled: true, longName: 7 });
  const path = join(dir, 'forty.pdf');
  writeFileSync(path, await writeScoreSheetsPdf(doc, FONTS));
  const pages = pagesOf(path);

  it('spans several pages, numbered within the sheet', () => {
    expect(run('qpdf', ['--check', path]).status).toBe(0);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) expect(pageText(path, p)).toContain(`Trang ${p}/${pages}`);
  });

  it('repeats the table header and says whose sheet continues on every later page', () => {
    for (let p = 1; p <= pages; p++) {
      const { words: ws } = pdfWords(path, p);
      for (const t of [
        'STT',
        'Đội thi',
        'Chào hỏi (20)',
        'Nội dung (10)',
        'Tiểu phẩm (50)',
        'Phù hợp thực tiễn địa phương (15)',
        'Tổng (70)',
      ])
        expect(hasWords(ws, t), `page ${p}: ${t}`).toBe(true);
      if (p > 1)
        expect(pageText(path, p)).toContain(
          'PHIẾU CHẤM ĐIỂM – Giám khảo: Nguyễn Thị Hằng – Vòng sơ khảo – Cụm thi số 1 (tiếp theo)',
        );
    }
    expect(pageText(path, 1)).not.toContain('(tiếp theo)');
  });

  it('prints each entrant once, in order, and the signature only on the last page, with rows above it', () => {
    const stts: number[] = [];
    for (let p = 1; p <= pages; p++) {
      const { words: ws } = pdfWords(path, p);
      // STT cells: integers in the narrow first column.
      stts.push(
        ...ws
          .filter((w) => w.x1 < 72 * (30 / 25.4) + 32 && /^\d+$/.test(w.text))
          .map((w) => Number(w.text)),
      );
      const t = pageText(path, p);
      expect(t.includes('(Ký, ghi rõ họ tên)'), `page ${p}`).toBe(p === pages);
    }
    expect(stts).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(pdfWords(path, pages).words.some((w) => w.text === '40')).toBe(true);
    const perPage = Array.from({ length: pages }, (_, k) => pdfWords(path, k + 1).words);
    for (const r of doc.sheets[0].rows)
      expect(
        perPage.some((ws) => hasWords(ws, r.name)),
        r.name,
      ).toBe(true);
  });

  it('keeps every page inside the margins without overlaps', () => {
    for (let p = 1; p <= pages; p++) expectWithinMarginsNoOverlap(path, p, 20);
  });
});

describe('score sheet writer edge cases', () => {
  it('fits twelve criteria across the page, each header readable', async () => {
    const doc = sheets({
      perCluster: [5],
      criteria: TWELVE,
      judges: [JUDGES[0]],
      prefilled: true,
      longName: 3,
    });
    expect(doc.sheets[0].columns).toHaveLength(12);
    const path = join(dir, 'twelve.pdf');
    writeFileSync(path, await writeScoreSheetsPdf(doc, FONTS));
    expect(run('qpdf', ['--check', path]).status).toBe(0);
    const { words: ws } = pdfWords(path, 1);
    for (const c of doc.sheets[0].columns) expect(hasWords(ws, c.header), c.header).toBe(true);
    expect(hasWords(ws, 'Tổng (100)')).toBe(true);
    for (let p = 1; p <= pagesOf(path); p++) expectWithinMarginsNoOverlap(path, p, 20);
  });

  it('an anonymous blank sheet has a dotted judge line and dotted date', async () => {
    const doc = buildScoreSheetDoc({
      contest: { name: 'Hội thi “Dân vận khéo”', issuer: PARTY },
      roundName: 'Vòng chung khảo',
      criteria: CRITERIA,
      judges: [],
      clusters: [],
      entrants: entrants([3]),
      chainHead: CHAIN,
    });
    const path = join(dir, 'anonymous.pdf');
    writeFileSync(path, await writeScoreSheetsPdf(doc, FONTS));
    const text = pageText(path, 1);
    expect(text).toContain('Giám khảo: ……');
    expect(text).toContain('Hà Nội, ngày …… tháng …… năm ……');
    expect(text).toContain('GIÁM KHẢO');
    expect(pagesOf(path)).toBe(1);
  });

  it('fails with the missing font file named, instead of falling back to a built-in font', async () => {
    await expect(writeScoreSheetsPdf(sheets({ perCluster: [2] }), dir)).rejects.toThrow(
      /Tinos-Regular\.ttf/,
    );
  });
});
