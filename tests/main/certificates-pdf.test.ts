import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectWithinMarginsNoOverlap } from '../support/pdf-words';
import { writeCertificatesPdf } from '../../electron/main/exports/certificates-pdf';
import { buildCertificateDoc } from '@shared/documents/certificate-doc';
import type { CertificateDoc } from '@shared/documents/models';
import type { EntrantId, Issuer } from '@shared/model/types';

const FONTS = resolve(__dirname, '../../resources/fonts');
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
  family: 'state',
  superior: 'UBND THÀNH PHỐ HÀ NỘI',
  name: 'ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM',
  place: 'Hà Nội',
  signerMark: 'KT. CHỦ TỊCH',
  signerTitle: 'PHÓ CHỦ TỊCH',
  signerName: 'Trần Văn Đức',
};
const LONG =
  'Mô hình “Tổ dân phố không có người vi phạm pháp luật, cùng chung tay xây dựng nếp sống văn minh đô thị, bảo vệ môi trường xanh – sạch – đẹp, giúp đỡ hộ nghèo vươn lên” của Tổ dân phố số 7 và Chi hội Phụ nữ phường Hàng Trống';
const CHAIN = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

function certificates(issuer: Issuer): CertificateDoc {
  const entrants = [
    {
      id: 'e1' as EntrantId,
      name: 'Đội Phường Hoàn Kiếm',
      unit: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường Hoàn Kiếm',
    },
    {
      id: 'e2' as EntrantId,
      name: LONG,
      unit: 'Hội Liên hiệp Phụ nữ phường Hàng Trống, quận Hoàn Kiếm, thành phố Hà Nội',
    },
    // Decomposed input, as some legacy-encoded imports deliver it.
    {
      id: 'e3' as EntrantId,
      name: 'Đội Phường Cửa Nam – Tổ Ỷ Lan'.normalize('NFD'),
      unit: 'Đảng ủy phường Cửa Nam'.normalize('NFD'),
    },
  ];
  const prizes = new Map([
    ['e1', 'Nhất'],
    ['e2', 'Nhì'],
    ['e3', 'Khuyến khích'],
  ]);
  return buildCertificateDoc({
    contest: { name: 'Hội thi "Dân vận khéo"', year: 2026, issuer },
    entrants,
    prizeOf: (id) => prizes.get(id),
    date: '2026-10-15',
    decision: {
      number: issuer.family === 'party' ? '48-QĐ/BDVTU' : '12/QĐ-UBND',
      date: '2026-10-14',
    },
    chainHead: CHAIN,
  });
}

const dir = mkdtempSync(join(tmpdir(), 'gk-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe.each([
  [
    'party',
    PARTY,
    [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'THÀNH ỦY HÀ NỘI',
      'BAN DÂN VẬN',
      'BAN DÂN VẬN THÀNH ỦY HÀ NỘI',
      'T/M BAN TỔ CHỨC',
    ],
    ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ],
  [
    'state',
    STATE,
    [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM',
      'KT. CHỦ TỊCH',
    ],
    ['ĐẢNG CỘNG SẢN VIỆT NAM'],
  ],
] as const)(
  '%s certificates, read back with poppler and qpdf',
  async (family, issuer, expected, absent) => {
    const doc = certificates(issuer);
    const path = join(dir, `${family}.pdf`);
    writeFileSync(path, await writeCertificatesPdf(doc, FONTS));

    it('is a structurally valid PDF (qpdf --check)', () => {
      const r = run('qpdf', ['--check', path]);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('No syntax or stream encoding errors');
    });

    it('has one A4 landscape page per certificate', () => {
      const info = run('pdfinfo', [path]).stdout;
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(doc.certificates.length);
      expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    });

    it('embeds only subsets of the bundled Tinos fonts, with Unicode maps, never Helvetica/Times', () => {
      const lines = run('pdffonts', [path]).stdout.trim().split('\n').slice(2);
      expect(lines.length).toBeGreaterThanOrEqual(3); // regular, bold, italic at least
      for (const l of lines) {
        const cols = l.trim().split(/\s+/);
        expect(cols[0], l).toMatch(/^[A-Z]{6}\+Tinos(-Bold|-Italic|-BoldItalic)?$/);
        expect(cols.slice(-5, -2), l).toEqual(['yes', 'yes', 'yes']); // emb sub uni
      }
      expect(lines.join('\n')).not.toMatch(/Helvetica|Times|Courier|Symbol/);
    });

    it('extracts the Vietnamese text, NFC, with every diacritic, page by page', () => {
      const all = run('pdftotext', ['-layout', path, '-']).stdout;
      expect(all).toBe(all.normalize('NFC'));
      doc.certificates.forEach((c, i) => {
        const text = squash(
          run('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), path, '-']).stdout,
        );
        for (const t of [
          ...expected,
          'Tặng',
          'GIẤY KHEN',
          c.recipient,
          c.unit,
          c.achievement,
          `Số vào sổ: ${c.registerNo}`,
          doc.dateText,
          doc.decisionText,
          issuer.signerName,
          CHAIN,
        ]) {
          expect(text, `page ${i + 1}: ${t}`).toContain(squash(t));
        }
        for (const t of absent) expect(text).not.toContain(t);
      });
      expect(squash(all)).toContain('Đội Phường Cửa Nam – Tổ Ỷ Lan');
      expect(squash(all)).toContain('Đã đạt giải Nhất Hội thi “Dân vận khéo” năm 2026');
    });

    it('keeps every word on the page and inside the margins, and no two words overlap (long names wrap)', () => {
      doc.certificates.forEach((_c, i) => expectWithinMarginsNoOverlap(path, i + 1, 30));
    });

    it('renders (pdftoppm) without errors', () => {
      const out = join(dir, `${family}-page`);
      const r = run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', path, out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(statSync(`${out}-1.png`).size).toBeGreaterThan(5000);
    });
  },
);

describe('certificate writer edge cases', () => {
  it('fails with the missing font file named, instead of falling back to a built-in font', async () => {
    const doc = certificates(PARTY);
    await expect(writeCertificatesPdf(doc, dir)).rejects.toThrow(/Tinos-Regular\.ttf/);
  });

  it('a raw doc with decomposed text and control characters still extracts as clean NFC', async () => {
    const doc = certificates(PARTY);
    const raw: CertificateDoc = {
      ...doc,
      certificates: [
        { ...doc.certificates[0], recipient: 'Đội\u0000 Phường\tHoàn Kiếm'.normalize('NFD') },
      ],
    };
    const path = join(dir, 'raw.pdf');
    writeFileSync(path, await writeCertificatesPdf(raw, FONTS));
    const text = squash(run('pdftotext', ['-layout', path, '-']).stdout);
    expect(text).toContain('Đội Phường Hoàn Kiếm');
    expect(text).toBe(text.normalize('NFC'));
  });
});
