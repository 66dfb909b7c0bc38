import { contestEvents } from './bench/journal.bench';
import { project } from './shared/journal/projection';
const evs = contestEvents('c1');
for (let i = 0; i < 5; i++) { const t = performance.now(); project(evs); console.log('project', (performance.now() - t).toFixed(0)); }
