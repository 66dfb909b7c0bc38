/**
 * Builds the certificates (giấy khen, giấy chứng nhận) as data: one per entrant with a prize, with
 * the achievement sentence, a sequential register number (số vào sổ) and the place-and-date line.
 * Pure: the date is passed in, nothing reads a clock. It is not the writer (layout, fonts and the
 * pre-printed-blank mode live in electron/main/exports/certificates-pdf.ts) and it does not decide
 * prizes: the caller's `prizeOf` does. Certificates of a provisional round (printed only after the
 * user confirmed it) carry the "Kết quả tạm thời" mark on every page.
 */
import type { Contest, Entrant, EntrantId, Issuer } from '../model/types';
import type { Certificate, CertificateDoc } from './models';
import { cleanText, prizePhrase } from './doc-text';
import { PROVISIONAL_LABEL, type Completeness } from '../results/completeness';

export interface CertificateInput {
  readonly contest: Pick<Contest, 'name' | 'year' | 'issuer'>;
  /** In print order (usually rank order); only those with a prize get a certificate. */
  readonly entrants: readonly Pick<Entrant, 'id' | 'name' | 'unit'>[];
  readonly prizeOf: (entrantId: EntrantId) => string | undefined;
  /** Where the prize was won when it matters, e.g. "vòng sơ khảo Cụm thi số 1". */
  readonly scopeOf?: (entrantId: EntrantId) => string | undefined;
  /** Signing date, ISO "YYYY-MM-DD". */
  readonly date: string;
  /** Default "GIẤY KHEN". */
  readonly formName?: string;
  readonly issuerTitle?: string;
  /** The decision that awards the prizes: number as issued (e.g. "48-QĐ/BDVTU") and ISO date. */
  readonly decision?: { readonly number: string; readonly date: string };
  /** Register numbers continue the issuer's book: first number and suffix ("01/GK"). */
  readonly registerStart?: number;
  readonly registerSuffix?: string;
  readonly chainHead: string;
  /** Whether the round's results are final (roundCompleteness); provisional ones are marked. */
  readonly completeness?: Pick<Completeness, 'provisional' | 'missing'>;
}

interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Strict ISO date; a malformed date is a caller bug, so it throws. */
export function parseIsoDate(iso: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const daysIn = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysIn[month - 1])
    throw new RangeError(`invalid date ${iso}`);
  return { year, month, day };
}

/**
 * "Hà Nội, ngày 05 tháng 3 năm 2026": administrative style (Nghị định 30/2020) pads days below 10
 * and the months 1 and 2 with a zero, so the date cannot be altered by adding a digit.
 */
export function vietnameseDateText(place: string, iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  const where = cleanText(place, 100);
  return `${where ? `${where}, ngày` : 'Ngày'} ${dd} tháng ${mm} năm ${year}`;
}

/** dd/mm/yyyy, as decisions are cited in running text. */
export function shortDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** Typographic quotes around the movement's name and the year once: Hội thi “Dân vận khéo” năm 2026. */
export function contestTitle(name: string, year: number): string {
  let t = cleanText(name, 300).replace(/"([^"]*)"/g, '“$1”');
  if (!/[“”"]/.test(t)) t = t.replace(/Dân vận khéo/i, (m) => `“${m}”`);
  return new RegExp(`\\b${year}\\b`).test(t) ? t : `${t} năm ${year}`;
}

/**
 * The red line above "Tặng". Party: the organ and its superior ("BAN DÂN VẬN THÀNH ỦY HÀ NỘI").
 * State: the office the award is given in the name of, which a deputy signing "KT. CHỦ TỊCH" is not:
 * "CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN HOÀN KIẾM"; "TM. <organ>" gives the organ itself.
 */
export function defaultIssuerTitle(
  issuer: Pick<Issuer, 'family' | 'superior' | 'name' | 'signerMark' | 'signerTitle'>,
): string {
  const mark = /^\s*(TM|KT|TL|TUQ|Q|T\/M|K\/T|T\/L)\.?\s+(.+)$/i.exec(issuer.signerMark);
  const onBehalf = mark && /^(TM|T\/M)$/i.test(mark[1]);
  const parts =
    issuer.family === 'party'
      ? [issuer.name, issuer.superior]
      : onBehalf
        ? [issuer.name]
        : [mark ? mark[2] : issuer.signerTitle, issuer.name];
  return cleanText(parts.filter((p) => p.trim()).join(' '), 300).toLocaleUpperCase('vi');
}

export function buildCertificateDoc(input: CertificateInput): CertificateDoc {
  const title = contestTitle(input.contest.name, input.contest.year);
  const winners = input.entrants.flatMap((e) => {
    const prize = input.prizeOf(e.id);
    return prize && prize.trim() ? [{ entrant: e, prize }] : [];
  });
  const start = input.registerStart ?? 1;
  const suffix = cleanText(input.registerSuffix ?? 'GK', 20);
  // Same width for the whole batch so the book reads 001…120, never 1…120.
  const width = Math.max(2, String(start + winners.length - 1).length);
  const certificates: Certificate[] = winners.map(({ entrant, prize }, i) => {
    const scope = input.scopeOf?.(entrant.id);
    const achievement = `Đã đạt ${prizePhrase(prize)}${scope ? ` ${cleanText(scope, 200)}` : ''} ${title}`;
    return {
      recipient: cleanText(entrant.name, 300),
      unit: cleanText(entrant.unit, 300),
      achievement: cleanText(achievement, 1000),
      registerNo: cleanText(
        `${String(start + i).padStart(width, '0')}${suffix ? `/${suffix}` : ''}`,
        50,
      ),
    };
  });
  const d = input.decision;
  return {
    issuer: input.contest.issuer,
    issuerTitle: cleanText(input.issuerTitle ?? defaultIssuerTitle(input.contest.issuer), 300),
    formName: cleanText(input.formName ?? 'GIẤY KHEN', 100).toLocaleUpperCase('vi'),
    decisionText: d ? cleanText(`Quyết định số ${d.number} ngày ${shortDate(d.date)}`, 300) : '',
    dateText: vietnameseDateText(input.contest.issuer.place, input.date),
    // Empty when nobody has a prize: the IPC schema refuses it, so callers say so before exporting.
    certificates,
    footer: cleanText(`Mã kiểm tra nhật ký chấm điểm: ${input.chainHead}`, 300),
    ...(input.completeness?.provisional
      ? { provisional: certificateMark(input.completeness) }
      : {}),
  };
}

/** One short line under the label: a certificate page has no room for the whole missing list. */
function certificateMark(c: Pick<Completeness, 'missing'>): { label: string; lines: string[] } {
  const sheets = c.missing.filter((m) => m.reason !== 'noPanel').length;
  const line =
    sheets > 0
      ? `Chưa đủ phiếu chấm (còn ${sheets} phiếu chưa nộp) — chưa dùng để trao giải.`
      : 'Chưa đủ giám khảo chấm — chưa dùng để trao giải.';
  return { label: PROVISIONAL_LABEL, lines: [line] };
}
