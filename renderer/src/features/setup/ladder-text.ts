/**
 * The prize ladder as lines of text, the way a board writes it: "Giải Nhất: 1" (a count) or
 * "Công nhận: ≥ 80" (a threshold in points, comma decimals allowed).
 */
import type { PrizeTier } from '@shared/model/types';
import { formatCp } from '@shared/scoring/format';
import { parseCentipoints } from '@shared/scoring/score-value';

export function formatLadder(tiers: readonly PrizeTier[]): string {
  return tiers.map((t) => (t.thresholdCp !== undefined ? `${t.name}: ≥ ${formatCp(t.thresholdCp)}` : `${t.name}: ${t.count ?? 0}`)).join('\n');
}

export function parseLadder(text: string): { ok: true; tiers: PrizeTier[] } | { ok: false; error: string } {
  const tiers: PrizeTier[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const m = /^(.+?)\s*:\s*(≥|>=)?\s*([\d.,]+)$/.exec(line);
    if (!m) return { ok: false, error: `Dòng ${i + 1} “${line}”: cần dạng “Tên giải: số lượng” hoặc “Tên giải: ≥ điểm”.` };
    const name = m[1].trim();
    if (m[2]) {
      const cp = parseCentipoints(m[3]);
      if (cp === null || cp === 'fraction') return { ok: false, error: `Dòng ${i + 1}: ngưỡng điểm “${m[3]}” không hợp lệ.` };
      tiers.push({ name, thresholdCp: cp });
    } else {
      const count = Number(m[3]);
      if (!Number.isInteger(count) || count < 0) return { ok: false, error: `Dòng ${i + 1}: số lượng giải phải là số nguyên.` };
      tiers.push({ name, count });
    }
  }
  return { ok: true, tiers };
}
