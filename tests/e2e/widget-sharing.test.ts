/**
 * Sharing from the ambassador panel, in real Chromium on the demo shop against the real tracking
 * server: every channel's link is exact and opens safely, the copy buttons say so, the QR code's
 * chunk arrives only when asked and encodes the link marked `qr=1`, and every share reaches the
 * server's analytics (by beacon) under its channel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { qrSvg } from '../../widget/src/panel/components/qr-code.tsx';
import { startDemoStack, type DemoStack } from '../support/demo-stack.ts';
import { buyFirstProduct } from '../support/shop-pages.ts';
import { Visitors } from '../support/visitors.ts';

let stack: DemoStack;
let visitors: Visitors;

beforeAll(async () => {
  stack = await startDemoStack();
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
  await stack?.close();
});

const TEXT = 'I shop at Sarafan demo shop and thought you would like it too. Here is 10% off your order:';

/** The last day, and a minute ahead (`to` is exclusive). */
const period = () => `from=${Date.now() - 86_400_000}&to=${Date.now() + 60_000}`;

/** The share counts the owner's analytics report for the demo program so far. */
async function sharesByChannel(): Promise<Record<string, number>> {
  const { status, body } = await stack.api('GET', `/v1/analytics/overview?${period()}`);
  expect(status).toBe(200);
  return body.funnel.sharesByChannel;
}

describe('share channels in Chromium', () => {
  let alice: Page;
  let code = '';
  let link = '';
  const widgetFiles: string[] = [];

  beforeAll(async () => {
    alice = await visitors.newVisitor();
    await alice.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.shopUrl });
    alice.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/widget/')) widgetFiles.push(path.slice(path.lastIndexOf('/') + 1));
    });
    // Share targets are outside this machine's reach: a stand-in page answers for all of them.
    await alice.context().route(/^https:\/\/(wa\.me|t\.me|x\.com|www\.facebook\.com)\//, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>share target</title>' }),
    );
    await buyFirstProduct(alice, stack.shopUrl, { email: 'sharer@example.com', name: 'Sasha' });
    await alice.getByTestId('sarafan-dialog').waitFor({ state: 'visible' });
    code = ((await alice.getByTestId('sarafan-referral-code').textContent()) ?? '').trim();
    link = `${stack.serverUrl}/r/${code}`;
  });

  it('every channel links to its service with the link and text URL-encoded', async () => {
    const e = encodeURIComponent;
    const expected: Record<string, string> = {
      whatsapp: `https://wa.me/?text=${e(`${TEXT} ${link}`)}`,
      telegram: `https://t.me/share/url?url=${e(link)}&text=${e(TEXT)}`,
      x: `https://x.com/intent/post?text=${e(TEXT)}&url=${e(link)}`,
      facebook: `https://www.facebook.com/sharer/sharer.php?u=${e(link)}`,
      email: `mailto:?subject=${e('10% off at Sarafan demo shop')}&body=${e(`${TEXT}\n\n${link}`)}`,
      sms: `sms:?&body=${e(`${TEXT} ${link}`)}`,
    };
    const dialog = alice.getByTestId('sarafan-dialog');
    for (const [channel, href] of Object.entries(expected)) {
      const anchor = dialog.getByTestId(`sarafan-share-${channel}`);
      expect(await anchor.getAttribute('href'), channel).toBe(href);
      const web = href.startsWith('https:');
      expect(await anchor.getAttribute('target'), channel).toBe(web ? '_blank' : null);
      expect(await anchor.getAttribute('rel'), channel).toBe(web ? 'noopener noreferrer' : null);
    }
    // Decoded by the service, the text and the link are whole again.
    expect(new URL(expected.telegram!).searchParams.get('text')).toBe(TEXT);
    expect(new URL(expected.x!).searchParams.get('url')).toBe(link);
  });

  it('a share link opens the service in a new tab without a way back to the shop, and is reported', async () => {
    const before = await sharesByChannel();
    for (const channel of ['whatsapp', 'telegram', 'x', 'facebook']) {
      const [popup] = await Promise.all([alice.context().waitForEvent('page'), alice.getByTestId(`sarafan-share-${channel}`).click()]);
      await popup.waitForLoadState();
      expect(await popup.title()).toBe('share target');
      // noopener: the service's page cannot reach (or redirect) the shop's tab.
      expect(await popup.evaluate(() => window.opener)).toBeNull();
      await popup.close();
    }
    await expect
      .poll(async () => {
        const after = await sharesByChannel();
        return ['whatsapp', 'telegram', 'x', 'facebook'].map((channel) => (after[channel] ?? 0) - (before[channel] ?? 0));
      })
      .toEqual([1, 1, 1, 1]);
  });

  it('copy link and copy code say "Copied!", put the right text on the clipboard, and count as shares', async () => {
    const before = await sharesByChannel();
    await alice.getByTestId('sarafan-copy-link').click();
    await expect.poll(() => alice.getByTestId('sarafan-copy-link').textContent()).toBe('Copied!');
    expect(await alice.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await alice.getByTestId('sarafan-copy-code').click();
    await expect.poll(() => alice.getByTestId('sarafan-copy-code').textContent()).toBe('Copied!');
    expect(await alice.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await expect
      .poll(async () => {
        const after = await sharesByChannel();
        return [(after.copy_link ?? 0) - (before.copy_link ?? 0), (after.copy_code ?? 0) - (before.copy_code ?? 0)];
      })
      .toEqual([1, 1]);
  });

  it('the QR code chunk loads only when asked; its SVG encodes the link with qr=1 and downloads as invite-CODE.svg', async () => {
    expect(widgetFiles.some((file) => file.startsWith('panel-qr-code-'))).toBe(false);
    const before = await sharesByChannel();
    await alice.getByTestId('sarafan-share-qr').click();
    const svg = alice.getByTestId('sarafan-qr-svg');
    await svg.waitFor({ state: 'visible' });
    expect(widgetFiles.filter((file) => file.startsWith('panel-qr-code-'))).toHaveLength(1);

    // The modules drawn are uqr's encoding of exactly the link + `?qr=1`.
    const path = await svg.locator('path').getAttribute('d');
    expect(path).toBe(qrSvg(`${link}?qr=1`).path);
    expect(path).not.toBe(qrSvg(link).path);
    expect((await svg.boundingBox())!.width).toBe(160);

    const downloadLink = alice.getByTestId('sarafan-qr-download');
    expect(await downloadLink.getAttribute('download')).toBe(`invite-${code}.svg`);
    const [download] = await Promise.all([alice.waitForEvent('download'), downloadLink.click()]);
    expect(download.suggestedFilename()).toBe(`invite-${code}.svg`);
    const file = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        let text = '';
        stream.on('data', (chunk) => (text += chunk));
        stream.on('end', () => resolve(text));
        stream.on('error', reject);
      }, reject);
    });
    expect(file).toContain(`<path d="${path}"/>`);
    await expect.poll(async () => ((await sharesByChannel()).qr ?? 0) - (before.qr ?? 0)).toBe(1);

    // A scan of it is a click counted as from a QR code.
    const friend = await visitors.newVisitor();
    await friend.goto(`${link}?qr=1`);
    await friend.getByTestId('sarafan-offer').waitFor({ state: 'visible' });
    const overview = (await stack.api('GET', `/v1/analytics/overview?${period()}`)).body;
    expect(overview.funnel.clicksBySource.qr).toBe(1);
    expect(visitors.pageErrors).toEqual([]);
  });
});
