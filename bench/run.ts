/**
 * `npm run bench`: runs every bench/*.bench.ts module and prints one table of figures, each beside
 * its baseline (raw exceljs / raw pdfkit / bare Dexie doing the same work) as a ratio.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatTable, type BenchRow } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only))).sort();
const rows: BenchRow[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: () => Promise<BenchRow[]> };
  process.stderr.write(`bench: ${f}…\n`);
  rows.push(...(await mod.run()));
}
console.log(formatTable(rows));
