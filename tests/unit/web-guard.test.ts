import { describe, expect, it } from 'vitest';
import { checkRequest } from '../../electron/web/request-guard';
import { isTrustedAppUrl } from '../../electron/main/window/trusted-url';

const cfg = { port: 5180, extraHosts: [] };

describe('web mode accepts only its own Host and Origin', () => {
  it.each([
    ['GET', '127.0.0.1:5180', undefined, true],
    ['GET', 'localhost:5180', undefined, true],
    ['POST', '127.0.0.1:5180', 'http://127.0.0.1:5180', true],
    ['GET', 'evil.example:5180', undefined, false], // DNS rebinding
    ['GET', '127.0.0.1:80', undefined, false],
    ['GET', undefined, undefined, false],
    ['POST', '127.0.0.1:5180', undefined, false], // missing Origin
    ['POST', '127.0.0.1:5180', 'http://localhost:5180', false], // other origin
    ['POST', '127.0.0.1:5180', 'http://127.0.0.1:3000', false], // another local port
    ['POST', '127.0.0.1:5180', 'null', false],
    ['POST', '127.0.0.1:5180', 'https://127.0.0.1:5180', false],
  ])('%s Host=%s Origin=%s → %s', (method, host, origin, ok) => {
    expect(checkRequest(cfg, method, host, origin).ok).toBe(ok);
  });

  it('answers 400 for a bad Host and 403 for a bad Origin', () => {
    expect(checkRequest(cfg, 'GET', 'evil:5180', undefined)).toMatchObject({ status: 400 });
    expect(checkRequest(cfg, 'POST', '127.0.0.1:5180', 'http://evil')).toMatchObject({
      status: 403,
    });
  });

  it('accepts LAN addresses only when venue sharing adds them', () => {
    expect(checkRequest(cfg, 'GET', '192.168.1.5:5180', undefined).ok).toBe(false);
    expect(
      checkRequest(
        { port: 5180, extraHosts: ['192.168.1.5'] },
        'GET',
        '192.168.1.5:5180',
        undefined,
      ).ok,
    ).toBe(true);
  });
});

describe('the Electron window navigates only within the app', () => {
  const devApp = 'http://localhost:5173/';
  const fileApp = 'file:///opt/giamkhao/out/renderer/index.html';
  it.each([
    [devApp, 'http://localhost:5173/#/x', true],
    [devApp, 'http://localhost:5173.evil.com/', false],
    [devApp, 'http://localhost:5174/', false],
    [devApp, 'http://user:pw@localhost:5173/', false],
    [devApp, 'javascript:alert(1)', false],
    [devApp, 'file:///etc/passwd', false],
    [devApp, 'data:text/html,hi', false],
    [fileApp, 'file:///opt/giamkhao/out/renderer/index.html#/a', true],
    [fileApp, 'file:///opt/giamkhao/out/renderer/../../secret.html', false],
    [fileApp, 'file:///etc/passwd', false],
    [fileApp, 'not a url', false],
  ])('app %s, target %s → %s', (app, target, ok) => {
    expect(isTrustedAppUrl(target, app)).toBe(ok);
  });
});
