/**
 * The widget on shops that are hard on it, in real Chromium against the real tracking server:
 * Bootstrap-like global CSS that reaches every element, Tailwind's preflight, and
 * `html { font-size: 62.5% }`, each page under the strict Content-Security-Policy that
 * widget/README.md documents (no inline script but the stub's hash, no eval, no inline style).
 * The inline panel, the dialog and the friend offer must look exactly as designed, nothing on
 * the page may move, and the console must stay free of errors and policy violations. The same
 * page also shows that `data-theme` on the script tag forces a colour scheme.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startTrackingServer, type RunningServer } from '../../server/src/start.ts';
import { signIdentity } from '../../shared/src/identity-signature.ts';
import { freePort } from '../support/free-port.ts';
import { HOST_STYLES, type HostStyle } from '../support/hostile-hosts/host-styles.ts';
import { startHostServer, type HostServer } from '../support/hostile-hosts/host-server.ts';
import { layoutShift } from '../support/page-probes.ts';
import { Visitors } from '../support/visitors.ts';

const SECRET = 'sk_e2e_hostile_hosts';
let dir: string;
let tracker: RunningServer;
let host: HostServer;
let visitors: Visitors;
const scriptData: Record<string, string> = {};
let code = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sarafan-hostile-'));
  const [trackerPort, hostPort] = [await freePort(), await freePort()];
  const hostUrl = `http://127.0.0.1:${hostPort}`;
  tracker = await startTrackingServer({
    port: trackerPort,
    host: '127.0.0.1',
    publicUrl: `http://127.0.0.1:${trackerPort}`,
    dbPath: join(dir, 'sarafan.sqlite'),
    demoSecret: SECRET,
    demoSecretFromEnv: true,
    // The hostile shop is the demo program's site: its origin may call the widget API.
    demoShopUrl: hostUrl,
    seedDemo: true,
    logLevel: 'warn',
  });
  host = await startHostServer(hostPort, { trackingServer: tracker.url, scriptData });
  visitors = await Visitors.launch();

  const email = 'dana@example.com';
  const timestamp = Date.now();
  Object.assign(scriptData, {
    email,
    name: 'Dana',
    timestamp: String(timestamp),
    signature: signIdentity(SECRET, { programId: 'demo', email, timestamp }),
  });
});

afterAll(async () => {
  await visitors?.close();
  await host?.close();
  await tracker?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Computed styles of an element inside a shadow root, by property name. */
function styleOf(locator: Locator, properties: string[]): Promise<Record<string, string>> {
  return locator.evaluate(
    (element, names) => Object.fromEntries(names.map((name) => [name, getComputedStyle(element).getPropertyValue(name)])),
    properties,
  );
}

/** Everything a console or the page reports: errors, warnings (the widget's own), CSP violations. */
function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') messages.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
  return messages;
}

const DESIGNED_CARD = {
  'font-size': '14px',
  'line-height': '20px',
  'font-style': 'normal',
  'letter-spacing': 'normal',
  'word-spacing': '0px',
  'text-shadow': 'none',
  'text-align': 'left',
  'padding-top': '16px',
  'border-top-width': '1px',
  'border-top-style': 'solid',
  'border-top-color': 'rgb(213, 217, 222)',
  'box-sizing': 'border-box',
  'background-color': 'rgb(255, 255, 255)',
};

const DESIGNED_BUTTON = {
  'font-size': '14px',
  'font-weight': '600',
  'text-transform': 'none',
  'letter-spacing': 'normal',
  'padding-top': '7px',
  'padding-left': '12px',
  'border-top-left-radius': '8px',
  'background-color': 'rgb(31, 111, 67)',
  color: 'rgb(255, 255, 255)',
};

describe.each(Object.keys(HOST_STYLES) as HostStyle[])('a host page with %s CSS and a strict CSP', (style) => {
  it('the inline panel looks as designed, nothing moves, and the console stays clean', async () => {
    const page = await visitors.newVisitor();
    const messages = watchConsole(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${host.url}/${style}`);
    const panel = page.getByTestId('sarafan-panel');
    await panel.waitFor({ state: 'visible' });
    code = ((await page.getByTestId('sarafan-referral-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{4,32}$/);

    expect(await styleOf(panel, Object.keys(DESIGNED_CARD))).toEqual(DESIGNED_CARD);
    expect(await styleOf(page.getByTestId('sarafan-copy-link'), Object.keys(DESIGNED_BUTTON))).toEqual(DESIGNED_BUTTON);
    expect(await styleOf(panel.getByRole('heading'), ['font-size', 'font-weight', 'line-height'])).toEqual({
      'font-size': '18px',
      'font-weight': '600',
      'line-height': '24px',
    });
    expect(await styleOf(page.getByTestId('sarafan-referral-link'), ['height', 'padding-left', 'font-size'])).toEqual({
      height: '36px',
      'padding-left': '10px',
      'font-size': '14px',
    });
    const box = (await panel.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(480);
    // The panel fits the space the shop reserved, so the text after it never moved.
    const mount = (await page.locator('[data-sarafan-panel]').boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(mount.height);
    expect(await layoutShift(page)).toBe(0);

    expect(messages).toEqual([]);
    // The policy is enforced, and a refusal would have shown up here: an inline <style> is refused.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'p{color:red}' })));
    await expect.poll(() => messages.join('\n')).toMatch(/inline style violates .*Content Security Policy/);
  });

  it('the dialog covers the page and keeps its design', async () => {
    const page = await visitors.newVisitor();
    const messages = watchConsole(page);
    await page.goto(`${host.url}/${style}`);
    await page.getByTestId('sarafan-panel').waitFor({ state: 'visible' });
    await page.evaluate(() => (window as unknown as { sarafan: (command: string) => void }).sarafan('open'));
    const dialog = page.getByTestId('sarafan-dialog');
    await dialog.waitFor({ state: 'visible' });
    const viewport = page.viewportSize()!;
    const overlay = page.locator('sarafan-dialog .overlay');
    expect(await overlay.boundingBox()).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
    expect(await styleOf(overlay, ['position', 'z-index'])).toEqual({ position: 'fixed', 'z-index': '2147483647' });
    expect(await styleOf(dialog.getByTestId('sarafan-panel'), Object.keys(DESIGNED_CARD))).toEqual(DESIGNED_CARD);
    expect(await styleOf(page.getByTestId('sarafan-close'), ['width', 'height'])).toEqual({ width: '32px', height: '32px' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await layoutShift(page)).toBe(0);
    expect(messages).toEqual([]);
  });

  it('a friend sees the offer card in the corner, as designed', async () => {
    const page = await visitors.newVisitor();
    const messages = watchConsole(page);
    // A friend: same page, no identity on the script tag.
    const friendData = { ...scriptData };
    for (const key of ['email', 'name', 'timestamp', 'signature']) delete scriptData[key];
    try {
      await page.goto(`${host.url}/${style}?ref=${code}`);
      const offer = page.getByTestId('sarafan-offer');
      await offer.waitFor({ state: 'visible' });
      expect(await offer.textContent()).toContain('Dana gives you 10% off');
      const viewport = page.viewportSize()!;
      const box = (await offer.boundingBox())!;
      expect(box.width).toBe(320);
      expect(box.x + box.width).toBe(viewport.width - 16);
      expect(box.y + box.height).toBe(viewport.height - 16);
      expect(await styleOf(offer, ['position', 'font-size', 'letter-spacing', 'font-style'])).toEqual({
        position: 'fixed',
        'font-size': '14px',
        'letter-spacing': 'normal',
        'font-style': 'normal',
      });
      expect(await styleOf(page.getByTestId('sarafan-offer-copy'), Object.keys(DESIGNED_BUTTON))).toEqual(DESIGNED_BUTTON);
      // The inline mount of a visitor the shop has not identified explains the program instead.
      await page.getByTestId('sarafan-intro').waitFor({ state: 'visible' });
      expect(await layoutShift(page)).toBe(0);
      expect(messages).toEqual([]);
    } finally {
      Object.assign(scriptData, friendData);
    }
  });
});

describe.each(Object.keys(HOST_STYLES) as HostStyle[])('the launcher on a host page with %s CSS and a strict CSP', (style) => {
  it('floats in the corner as designed, opens the dialog with its QR code, moves nothing, and the console stays clean', async () => {
    const page = await visitors.newVisitor();
    const messages = watchConsole(page);
    await page.emulateMedia({ colorScheme: 'light' });
    scriptData.launcher = 'bottom-left';
    scriptData.launcherLabel = 'Invite & earn';
    try {
      await page.goto(`${host.url}/${style}`);
      const launcher = page.getByTestId('sarafan-launcher');
      await launcher.waitFor({ state: 'visible' });
      expect(await launcher.textContent()).toBe('Invite & earn');
      const viewport = page.viewportSize()!;
      const box = (await launcher.boundingBox())!;
      expect(box.x).toBe(16);
      expect(box.y + box.height).toBe(viewport.height - 16);
      expect(box.height).toBe(42);
      expect(await styleOf(launcher, ['position', 'font-size', 'font-weight', 'letter-spacing', 'text-transform', 'background-color', 'color'])).toEqual({
        position: 'fixed',
        'font-size': '14px',
        'font-weight': '600',
        'letter-spacing': 'normal',
        'text-transform': 'none',
        'background-color': 'rgb(31, 111, 67)',
        color: 'rgb(255, 255, 255)',
      });
      await page.getByTestId('sarafan-panel').waitFor({ state: 'visible' });
      expect(await layoutShift(page)).toBe(0);
      await launcher.click();
      const dialog = page.getByTestId('sarafan-dialog');
      await dialog.waitFor({ state: 'visible' });
      // The QR code's chunk and its SVG live with the policy too (no eval, no inline style).
      await dialog.getByTestId('sarafan-share-qr').click();
      const qr = dialog.getByTestId('sarafan-qr-svg');
      await qr.waitFor({ state: 'visible' });
      expect(await styleOf(qr, ['width', 'height'])).toEqual({ width: '160px', height: '160px' });
      await page.keyboard.press('Escape');
      await page.getByTestId('sarafan-dialog').waitFor({ state: 'detached' });
      expect(messages).toEqual([]);
    } finally {
      delete scriptData.launcher;
      delete scriptData.launcherLabel;
    }
  });
});

describe('a strict CSP without worker-src blob:', () => {
  it('the panel still shows; the only message is the browser refusing the locale-data worker', async () => {
    const page = await visitors.newVisitor();
    const messages = watchConsole(page);
    await page.goto(`${host.url}/bootstrap?workers=no`);
    // The numbers are formatted after the main thread loaded the locale data itself.
    await page.getByTestId('sarafan-panel').waitFor({ state: 'visible' });
    expect(await page.getByTestId('sarafan-stat-clicks').textContent()).toMatch(/^\d+$/);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/Creating a worker from 'blob:.*violates the following Content Security Policy/);
  });
});

describe('data-theme on the script tag', () => {
  it.each([
    ['dark', 'light', 'rgb(28, 31, 35)'],
    ['light', 'dark', 'rgb(255, 255, 255)'],
  ] as const)('data-theme="%s" wins over a %s system setting', async (theme, colorScheme, background) => {
    const page = await visitors.newVisitor();
    const messages = watchConsole(page);
    await page.emulateMedia({ colorScheme });
    scriptData.theme = theme;
    try {
      await page.goto(`${host.url}/tailwind`);
      const panel = page.getByTestId('sarafan-panel');
      await panel.waitFor({ state: 'visible' });
      expect(await styleOf(panel, ['background-color'])).toEqual({ 'background-color': background });
      expect(messages).toEqual([]);
    } finally {
      delete scriptData.theme;
    }
  });
});
