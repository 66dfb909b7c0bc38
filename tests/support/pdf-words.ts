/**
 * Reading a PDF page's words with their boxes (poppler's `pdftotext -bbox`), and the layout check
 * every document test wants: each word on the page inside the margins, no two words overlapping.
 */
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';

export interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

export function pdfWords(
  path: string,
  page: number,
): { width: number; height: number; words: Word[] } {
  const html = spawnSync(
    'pdftotext',
    ['-bbox', '-f', String(page), '-l', String(page), path, '-'],
    { encoding: 'utf8' },
  ).stdout;
  const [, w, h] = /<page width="([\d.]+)" height="([\d.]+)"/.exec(html)!;
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  const list = [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    ),
  ].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: unescape(m[5]),
  }));
  return { width: Number(w), height: Number(h), words: list };
}

/** Margins per domain.md (left 25 mm at least, right 15 mm); boxes get 2 pt of slack for ascent/descent. */
export function expectWithinMarginsNoOverlap(path: string, page: number, minWords: number): void {
  const { width, height, words: ws } = pdfWords(path, page);
  expect(ws.length).toBeGreaterThan(minWords);
  for (const w of ws) {
    expect(w.x0, w.text).toBeGreaterThanOrEqual(72 * (25 / 25.4));
    expect(w.x1, w.text).toBeLessThanOrEqual(width - 72 * (15 / 25.4));
    expect(w.y0, w.text).toBeGreaterThanOrEqual(0);
    expect(w.y1, w.text).toBeLessThanOrEqual(height);
  }
  const pad = 2;
  for (let a = 0; a < ws.length; a++) {
    for (let b = a + 1; b < ws.length; b++) {
      const [p, q] = [ws[a], ws[b]];
      const overlap =
        p.x0 < q.x1 - pad && q.x0 < p.x1 - pad && p.y0 < q.y1 - pad && q.y0 < p.y1 - pad;
      expect(overlap, `page ${page}: “${p.text}” overlaps “${q.text}”`).toBe(false);
    }
  }
}
