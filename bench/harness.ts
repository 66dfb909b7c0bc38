/**
 * Tiny benchmark harness: time a function over several runs (after a warm-up) and report the
 * median, so figures can be compared with a baseline doing the same work with the raw library.
 */
export interface BenchRow {
  readonly name: string;
  /** Median milliseconds, or another quantity when `unit` says so. */
  readonly value: number;
  readonly unit: string;
  readonly baselineName?: string;
  readonly baseline?: number;
  /** Goal the issue sets, as text (e.g. "< 50 ms"). */
  readonly goal?: string;
}

export async function timeMedian(
  fn: () => unknown | Promise<unknown>,
  runs = 5,
  warmup = 1,
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function percentile(samples: readonly number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export function formatTable(rows: readonly BenchRow[]): string {
  const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  const lines = [
    '| figure | value | baseline | ratio | goal |',
    '|---|---|---|---|---|',
    ...rows.map((r) => {
      const base =
        r.baseline !== undefined ? `${fmt(r.baseline)} ${r.unit} (${r.baselineName})` : '—';
      const ratio = r.baseline ? `${(r.value / r.baseline).toFixed(2)}×` : '—';
      return `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${base} | ${ratio} | ${r.goal ?? ''} |`;
    }),
  ];
  return lines.join('\n');
}
