import { encode } from 'uqr';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShareButtons } from '../../../src/panel/components/share-buttons.tsx';
import { qrSvg } from '../../../src/panel/components/qr-code.tsx';
import { resetEvents, setEventTarget } from '../../../src/panel/events.ts';
import { ENGLISH } from '../../../src/panel/messages.ts';
import { renderStyled } from '../../../src/panel/shadow-host.tsx';
import { SERVER, ambassadorView, panelContext, recordBeacons } from '../../fixtures.ts';

const t = ENGLISH;
const LINK = 'http://localhost:8787/r/BOB42XY';
const TEXT = 'I shop at Demo Shop and thought you would like it too. Here is 10% off your order:';

function mountShare(link?: string): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  renderStyled(<ShareButtons ambassador={ambassadorView()} programName="Demo Shop" t={t} placement="inline" link={link} />, root);
  return root;
}

const byId = (root: ShadowRoot, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

beforeEach(() => setEventTarget(panelContext()));

afterEach(() => {
  document.body.innerHTML = '';
  resetEvents();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ShareButtons', () => {
  it('links every channel with the link and text URL-encoded, web ones in a new tab without opener or referrer', () => {
    recordBeacons();
    const root = mountShare();
    const e = encodeURIComponent;
    const expected: Record<string, string> = {
      whatsapp: `https://wa.me/?text=${e(`${TEXT} ${LINK}`)}`,
      telegram: `https://t.me/share/url?url=${e(LINK)}&text=${e(TEXT)}`,
      x: `https://x.com/intent/post?text=${e(TEXT)}&url=${e(LINK)}`,
      facebook: `https://www.facebook.com/sharer/sharer.php?u=${e(LINK)}`,
      email: `mailto:?subject=${e('10% off at Demo Shop')}&body=${e(`${TEXT}\n\n${LINK}`)}`,
      sms: `sms:?&body=${e(`${TEXT} ${LINK}`)}`,
    };
    for (const [channel, href] of Object.entries(expected)) {
      const link = byId(root, `sarafan-share-${channel}`);
      expect(link?.getAttribute('href'), channel).toBe(href);
      const web = href.startsWith('https:');
      expect(link?.getAttribute('target'), channel).toBe(web ? '_blank' : null);
      expect(link?.getAttribute('rel'), channel).toBe(web ? 'noopener noreferrer' : null);
    }
    // Decoded again, the texts are whole: nothing was cut at a `&` or `%`.
    expect(new URL(expected.telegram!).searchParams.get('url')).toBe(LINK);
    expect(byId(root, 'sarafan-share-x')?.textContent).toBe('X');
    expect(byId(root, 'sarafan-share-sms')?.textContent).toBe('SMS');
  });

  it('reports a share by beacon: a text/plain JSON body to /v1/widget/events', async () => {
    const recorder = recordBeacons();
    const root = mountShare();
    byId(root, 'sarafan-share-whatsapp')!.addEventListener('click', (event) => event.preventDefault());
    byId(root, 'sarafan-share-whatsapp')!.click();
    expect(await recorder.all()).toEqual([
      {
        url: `${SERVER}/v1/widget/events`,
        type: 'text/plain',
        body: { programId: 'demo', visitorId: 'visitor_1', code: 'BOB42XY', events: [{ type: 'share', channel: 'whatsapp', placement: 'inline' }] },
      },
    ]);
  });

  it('falls back to a keepalive fetch when the beacon is refused, and never throws when that fails too', async () => {
    recordBeacons(false);
    const fetch = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    vi.stubGlobal('fetch', fetch);
    const root = mountShare();
    byId(root, 'sarafan-share-telegram')!.addEventListener('click', (event) => event.preventDefault());
    expect(() => byId(root, 'sarafan-share-telegram')!.click()).not.toThrow();
    expect(fetch).toHaveBeenCalledWith(`${SERVER}/v1/widget/events`, expect.objectContaining({ method: 'POST', keepalive: true }));
    expect(JSON.parse(fetch.mock.calls[0]![1].body).events).toEqual([{ type: 'share', channel: 'telegram', placement: 'inline' }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  it('has no native share where the browser has none', () => {
    vi.stubGlobal('navigator', { ...navigator, share: undefined });
    expect(byId(mountShare(), 'sarafan-share-native')).toBeNull();
  });

  it('uses the native share sheet with the link as url and in the text, and reports it once shared', async () => {
    const recorder = recordBeacons();
    const share = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { share, sendBeacon: navigator.sendBeacon }));
    byId(mountShare(), 'sarafan-share-native')!.click();
    expect(share).toHaveBeenCalledWith({ title: '10% off at Demo Shop', text: `${TEXT} ${LINK}`, url: LINK });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await recorder.all()).map((beacon) => beacon.body)).toEqual([expect.objectContaining({ events: [{ type: 'share', channel: 'native', placement: 'inline' }] })]);
  });

  it('treats a cancelled share sheet as nothing special: no error, no share reported', async () => {
    const recorder = recordBeacons();
    const share = vi.fn().mockRejectedValue(new DOMException('cancelled', 'AbortError'));
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { share, sendBeacon: navigator.sendBeacon }));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    byId(mountShare(), 'sarafan-share-native')!.click();
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', unhandled);
    expect(share).toHaveBeenCalledTimes(1);
    expect(unhandled).not.toHaveBeenCalled();
    expect(await recorder.all()).toEqual([]);
  });

  it('shows the QR code of the link + qr=1 on demand, as SVG with a download named after the code', async () => {
    const recorder = recordBeacons();
    const root = mountShare();
    expect(byId(root, 'sarafan-qr')).toBeNull();
    const button = byId(root, 'sarafan-share-qr')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.click();
    await vi.waitFor(() => expect(byId(root, 'sarafan-qr')).not.toBeNull());
    expect(button.getAttribute('aria-expanded')).toBe('true');

    const path = byId(root, 'sarafan-qr-svg')!.querySelector('path')!.getAttribute('d');
    expect(path).toBe(qrSvg(`${LINK}?qr=1`).path);
    // The same modules as uqr's own encoding of that text.
    const { data } = encode(`${LINK}?qr=1`, { ecc: 'M', border: 2 });
    expect(path!.match(/M/g)).toHaveLength(data.flat().filter(Boolean).length);

    const download = byId(root, 'sarafan-qr-download') as HTMLAnchorElement;
    expect(download.getAttribute('download')).toBe('invite-BOB42XY.svg');
    const file = decodeURIComponent(download.getAttribute('href')!.replace('data:image/svg+xml;charset=utf-8,', ''));
    expect(file).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(file).toContain(`d="${path}"`);
    expect((await recorder.all()).map((beacon) => beacon.body)).toEqual([expect.objectContaining({ events: [{ type: 'share', channel: 'qr', placement: 'inline' }] })]);

    button.click();
    await vi.waitFor(() => expect(byId(root, 'sarafan-qr')).toBeNull());
  });

  it('shares another link (a product page) on every channel when given one', () => {
    recordBeacons();
    const product = 'https://shop.example/products/mug?ref=BOB42XY';
    const root = mountShare(product);
    expect(byId(root, 'sarafan-share-facebook')?.getAttribute('href')).toBe(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(product)}`);
    expect(byId(root, 'sarafan-share-whatsapp')?.getAttribute('href')).toContain(encodeURIComponent(product));
  });
});
