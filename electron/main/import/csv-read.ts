/**
 * A CSV file → a one-sheet RawWorkbook: decode (csv-decode.ts), find the separator, then split
 * fields with csv-parse (quoted fields may hold separators, quotes and line breaks). Vietnamese
 * Excel writes ";" because "," is its decimal mark; others write "," or, for "Unicode text", tabs.
 * Row numbers stay as Excel would show them: blank lines are kept as empty rows.
 * Not here: interpreting cells — every value stays text, so "001" keeps its zeros and "8,5" is
 * parsed as a number later, by the pure side.
 */
import { parse } from 'csv-parse/sync';
import type { RawCell, RawWorkbook } from '../../../shared/import/types';
import { decodeText } from './csv-decode';
import { readError, type ReadLimits } from './limits';

export type Separator = ';' | ',' | '\t';
const CANDIDATES: readonly Separator[] = [';', ',', '\t'];
const SAMPLE_RECORDS = 30;

/**
 * Count each candidate outside quotes on the first records; the separator is the one that appears
 * the same number of times on most records (a header and its rows have equal columns), then the
 * one that appears most. "8,5" in a ";" file varies per row, so it loses to ";".
 */
export function detectSeparator(text: string): Separator {
  const perRecord: Record<Separator, number>[] = [];
  let counts: Record<Separator, number> = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length && perRecord.length < SAMPLE_RECORDS; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      perRecord.push(counts);
      counts = { ';': 0, ',': 0, '\t': 0 };
    } else if (!inQuotes && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (Object.values(counts).some((n) => n > 0)) perRecord.push(counts);
  let best: Separator = ',';
  let bestKey = [0, 0];
  for (const sep of CANDIDATES) {
    const tally = new Map<number, number>();
    for (const r of perRecord) if (r[sep] > 0) tally.set(r[sep], (tally.get(r[sep]) ?? 0) + 1);
    let mode = 0;
    let agree = 0;
    for (const [n, times] of tally)
      if (times > agree || (times === agree && n > mode)) [mode, agree] = [n, times];
    if (agree > bestKey[0] || (agree === bestKey[0] && mode > bestKey[1])) {
      best = sep;
      bestKey = [agree, mode];
    }
  }
  return best;
}

const baseName = (name: string) => name.replace(/\.[^.]*$/, '') || name;

export function readCsv(name: string, bytes: Uint8Array, limits: ReadLimits): RawWorkbook {
  const decoded = decodeText(bytes);
  let text = decoded.text;
  // Excel's own directive: a first line "sep=;" names the separator and is not data.
  const directive = /^sep=(.)\r?\n/.exec(text);
  if (directive) text = text.slice(directive[0].length);
  const separator = (directive?.[1] as Separator | undefined) ?? detectSeparator(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: separator,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 1_000_000,
      to: limits.maxRows + 1,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    const quote = (err as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED';
    const detail = quote
      ? `có dấu ngoặc kép (") mở mà không đóng${line ? `, từ khoảng dòng ${line}` : ''}`
      : `không tách được các cột${line ? ` ở khoảng dòng ${line}` : ''}`;
    throw readError('corrupt', name, detail);
  }
  if (records.length > limits.maxRows)
    throw readError('tooManyRows', name, `hơn ${limits.maxRows.toLocaleString('vi-VN')} dòng`);
  const rows = records.map((r): RawCell[] => {
    if (r.length > limits.maxColumns)
      throw readError('tooLarge', name, `hơn ${limits.maxColumns} cột`);
    const cells: RawCell[] = r.map((v) => (v === '' ? null : v));
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  return {
    fileName: name,
    format: 'csv',
    detected: { encoding: decoded.encoding, separator },
    sheets: [{ name: baseName(name), rows, merges: [] }],
  };
}
