import { contestEvents } from './bench/journal.bench';
import { canonicalJson } from './shared/journal/event';
import { verifyText } from './shared/journal/verify';
import { project } from './shared/journal/projection';
import { hash } from 'node:crypto';
const evs = contestEvents('c1');
const text = evs.map((e) => canonicalJson(e) + '\n').join('');
const sha = (t: string) => hash('sha256', t, 'hex');
for (let i = 0; i < 6; i++) {
  let t = performance.now(); const c = verifyText(text, { sha256Hex: sha, strict: false }); const v = performance.now() - t;
  t = performance.now(); project(c.valid); const p = performance.now() - t;
  console.log('verify', v.toFixed(0), 'project', p.toFixed(0));
}
