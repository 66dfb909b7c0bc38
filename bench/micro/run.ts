/**
 * Node micro-benchmarks, kept for digging into one part (`npx tsx bench/micro/run.ts [name]`): every
 * bench/micro/*.bench.ts module and bench/journal.bench.ts (which stays where tests import it), one
 * table, each figure beside its baseline. Not part of
 * `npm run bench`, which measures the built app in Chromium (bench/run.ts).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable, type BenchRow } from '../harness';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = [...readdirSync(here).map((f) => join(here, f)), join(here, '..', 'journal.bench.ts')]
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
const rows: BenchRow[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(f).href)) as { run: () => Promise<BenchRow[]> };
  process.stderr.write(`bench: ${f}…\n`);
  rows.push(...(await mod.run()));
}
console.log(formatTable(rows));
