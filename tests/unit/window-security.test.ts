import { describe, expect, it } from 'vitest';
import { SECURE_WEB_PREFERENCES } from '../../electron/main/window/web-preferences';
import { CSP } from '../../electron/main/window/csp';
import { readFileSync } from 'node:fs';

describe('every app window is locked down', () => {
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
  ])('%s is %s', (key, value) => {
    expect((SECURE_WEB_PREFERENCES as Record<string, unknown>)[key]).toBe(value);
  });

  it('the CSP allows no remote content, no inline or eval scripts, no plugins', () => {
    const directives = Object.fromEntries(
      CSP.split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(CSP).not.toMatch(/https?:|unsafe-eval|\*/);
  });

  it('the page itself carries the same script policy', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script(?![^>]*type="module" src="\/src\/main.tsx")/);
  });
});
