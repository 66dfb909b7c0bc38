/**
 * Outlier prompts before a judge submits: totals far from the judge's own usual level (median), or from the
 * panel's average for that entrant, so typos like 85 for 8,5 are caught. Thresholds are a share of
 * the maximum total (default 20 %). A prompt, never a refusal.
 */
export interface OutlierInput {
  readonly entrantId: string;
  readonly entrantName: string;
  /** This judge's total in centipoints. */
  readonly totalCp: number;
  /** Other judges' complete totals for the same entrant. */
  readonly panelCp: readonly number[];
}

export interface Outlier {
  readonly entrantId: string;
  readonly message: string;
}

export function findOutliers(rows: readonly OutlierInput[], maxCp: number, share = 0.2): Outlier[] {
  if (rows.length === 0 || maxCp <= 0) return [];
  const gap = maxCp * share;
  // The judge's usual level is the median of their totals: one typo (85 for 8,5) would drag a
  // mean towards itself and make honest totals look odd instead.
  const sorted = rows.map((r) => r.totalCp).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const own = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const out: Outlier[] = [];
  const pts = (cp: number) => (cp / 100).toFixed(2).replace('.', ',').replace(/,00$/, '');
  for (const r of rows) {
    const reasons: string[] = [];
    if (rows.length >= 3 && Math.abs(r.totalCp - own) > gap)
      reasons.push(
        `cách mức điểm thường cho của chính giám khảo (trung vị ${pts(own)}) hơn ${pts(gap)} điểm`,
      );
    if (r.panelCp.length > 0) {
      const panel = r.panelCp.reduce((s, x) => s + x, 0) / r.panelCp.length;
      if (Math.abs(r.totalCp - panel) > gap)
        reasons.push(
          `cách điểm trung bình của các giám khảo khác (${pts(panel)}) hơn ${pts(gap)} điểm`,
        );
    }
    if (reasons.length)
      out.push({
        entrantId: r.entrantId,
        message: `${r.entrantName}: tổng ${pts(r.totalCp)} — ${reasons.join('; ')}.`,
      });
  }
  return out;
}
