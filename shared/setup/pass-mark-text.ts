/**
 * An award round's attribute-dependent pass marks as lines of text, one "value: points" a line
 * ("đô thị: 90", "miền núi, hải đảo: 60"). The value is everything before the line's last colon.
 * formatPassMarks and parsePassMarks are exact inverses on valid marks (values trimmed, non-empty,
 * on one line, distinct once tones and case are ignored — the way pass-mark.ts matches them).
 */
import type { PassMarkRule } from '../model/types';
import { formatCp } from '../scoring/format';
import { parseCentipoints } from '../scoring/score-value';
import { foldVietnamese } from '../text/vietnamese';

type Mark = PassMarkRule['marks'][number];

export function formatPassMarks(marks: readonly Mark[]): string {
  return marks.map((m) => `${m.value}: ${formatCp(m.cp)}`).join('\n');
}

export function parsePassMarks(
  text: string,
):
  | { readonly ok: true; readonly marks: Mark[] }
  | { readonly ok: false; readonly problems: readonly string[] } {
  const marks: Mark[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split(/\r\n|\n|\r/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const colon = line.lastIndexOf(':');
    const value = colon < 0 ? '' : line.slice(0, colon).trim();
    const cp = colon < 0 ? null : parseCentipoints(line.slice(colon + 1));
    if (value === '' || typeof cp !== 'number') {
      problems.push(
        `Ngưỡng công nhận, dòng ${i + 1} “${line}”: cần dạng “miền núi, hải đảo: 60” (điểm tối đa 2 chữ số thập phân).`,
      );
      return;
    }
    // pass-mark.ts matches values without tones or case, so two such values would be one.
    const key = foldVietnamese(value);
    if (seen.has(key))
      problems.push(`Ngưỡng công nhận, dòng ${i + 1}: “${value}” trùng với dòng ${seen.get(key)}.`);
    else seen.set(key, i + 1);
    marks.push({ value, cp });
  });
  return problems.length ? { ok: false, problems } : { ok: true, marks };
}
