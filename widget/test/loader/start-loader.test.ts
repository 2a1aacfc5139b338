import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PanelContext, PanelModule } from '../../src/panel-context.ts';
import { startLoader, type SarafanFunction } from '../../src/loader/start-loader.ts';
import { SERVER, clearCookies, identity, json, stubServer } from '../fixtures.ts';

/** The documented stub, exactly as the shop pastes it (first line of the embed snippet). */
const STUB = 'window.sarafan=window.sarafan||function(){(sarafan.q=sarafan.q||[]).push(arguments)};';

const host = window as unknown as { sarafan?: SarafanFunction };

function widgetScript(attributes: Record<string, string> = { program: 'demo' }, src = `${SERVER}/widget.js`): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = src;
  for (const [name, value] of Object.entries(attributes)) script.dataset[name] = value;
  return script;
}

/** Calls `window.sarafan` as the shop's page does (read each time: the loader replaces the stub). */
function sarafan(command: unknown, args?: unknown): void {
  host.sarafan?.(command, args);
}

/** Stands in for the panel chunk: records what the loader asks it to show. */
function fakePanel() {
  const shown: PanelContext[] = [];
  const importPanel = vi.fn(async (_url: string): Promise<PanelModule> => ({ show: (context) => void shown.push(context) }));
  return { shown, importPanel };
}

function cookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((pair) => pair.startsWith(name + '='))
    ?.slice(name.length + 1);
}

/** Lets fetch answers and the panel import settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
  delete host.sarafan;
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('referral from the address bar', () => {
  it('posts the click, keeps the referral in a cookie and removes sarafan_click from the URL', async () => {
    history.replaceState(null, '', '/product/1?utm_source=x&ref=alice7k2&sarafan_click=clk_123');
    document.cookie = 'sarafan_vid=known_visitor;path=/';
    const requests = stubServer({ clicks: () => json({ clickId: 'clk_123', counted: false }) });
    const { shown, importPanel } = fakePanel();

    startLoader(widgetScript(), importPanel);
    await settle();

    expect(requests).toHaveLength(1);
    const [click] = requests;
    expect(click?.url).toBe(`${SERVER}/v1/widget/clicks`);
    // Credentials, so that a tracking server under the shop's own site can set sarafan_ref itself.
    expect(click?.init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'include' });
    expect(click?.body).toEqual({
      programId: 'demo',
      code: 'ALICE7K2',
      visitorId: 'known_visitor',
      clickId: 'clk_123',
      url: 'http://localhost:3000/product/1?utm_source=x&ref=alice7k2&sarafan_click=clk_123',
      referrer: '',
    });
    expect(cookie('sarafan_ref')).toBe('ALICE7K2.clk_123');
    expect(location.search).toBe('?utm_source=x&ref=alice7k2');
    expect(location.pathname).toBe('/product/1');
    // The friend offer needs the panel.
    expect(shown.at(-1)).toMatchObject({ reason: 'referral', referral: { code: 'ALICE7K2', clickId: 'clk_123' } });
    expect(importPanel).toHaveBeenCalledWith(`${SERVER}/widget/panel.js`);
    expect(warn).not.toHaveBeenCalled();
  });

  it('accepts ?via= as an alias and sends a new click without a click id', async () => {
    history.replaceState(null, '', '/?via=CAROL123');
    const requests = stubServer({ clicks: () => json({ clickId: 'new_click', counted: true }) });
    startLoader(widgetScript(), fakePanel().importPanel);
    await settle();
    expect(requests[0]?.body).toMatchObject({ code: 'CAROL123' });
    expect(requests[0]?.body).not.toHaveProperty('clickId');
    expect(cookie('sarafan_ref')).toBe('CAROL123.new_click');
  });

  it('replaces an older referral cookie (last click wins)', async () => {
    document.cookie = 'sarafan_ref=OLDCODE1.old_click;path=/';
    history.replaceState(null, '', '/?ref=NEWCODE2');
    stubServer({ clicks: () => json({ clickId: 'new_click', counted: true }) });
    startLoader(widgetScript(), fakePanel().importPanel);
    await settle();
    expect(cookie('sarafan_ref')).toBe('NEWCODE2.new_click');
  });

  it('ignores an invalid code and posts nothing', async () => {
    history.replaceState(null, '', '/?ref=%3Cscript%3E');
    const requests = stubServer({});
    const { importPanel } = fakePanel();
    startLoader(widgetScript(), importPanel);
    await settle();
    expect(requests).toHaveLength(0);
    expect(cookie('sarafan_ref')).toBeUndefined();
    // Nothing needs a panel on this page, so nothing more is downloaded.
    expect(importPanel).not.toHaveBeenCalled();
  });

  it('keeps going when the server is down: one warning, no cookie, no exception', async () => {
    history.replaceState(null, '', '/?ref=ALICE7K2');
    stubServer({});
    expect(() => startLoader(widgetScript(), fakePanel().importPanel)).not.toThrow();
    await settle();
    expect(cookie('sarafan_ref')).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[sarafan\] /);
  });
});

describe('visitor id', () => {
  it('creates a random url-safe id and keeps it in sarafan_vid', () => {
    startLoader(widgetScript(), fakePanel().importPanel);
    const first = cookie('sarafan_vid');
    expect(first).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    delete host.sarafan;
    startLoader(widgetScript(), fakePanel().importPanel);
    expect(cookie('sarafan_vid')).toBe(first);
  });

  it('replaces a malformed one', () => {
    document.cookie = 'sarafan_vid=%3Cbad%3E;path=/';
    startLoader(widgetScript(), fakePanel().importPanel);
    expect(cookie('sarafan_vid')).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });
});

describe('command queue', () => {
  it('replays calls made to the documented stub before the script loaded', async () => {
    new Function(STUB)();
    sarafan('identify', identity);
    sarafan('purchase', { orderId: 'o1', amount: 5000, currency: 'USD' });
    expect(host.sarafan?.q).toHaveLength(2);
    const { shown, importPanel } = fakePanel();

    startLoader(widgetScript(), importPanel);
    await settle();

    expect(host.sarafan?.q).toBeUndefined();
    expect(importPanel).toHaveBeenCalledTimes(1);
    expect(shown.map((context) => context.reason)).toContain('purchase');
    expect(shown.at(-1)).toMatchObject({ server: SERVER, programId: 'demo', identity, orderId: 'o1', reason: 'purchase' });
    expect(shown.at(-1)?.visitorId).toBe(cookie('sarafan_vid'));
  });

  it('opens the panel after purchase only once identity is known', async () => {
    const { shown, importPanel } = fakePanel();
    startLoader(widgetScript(), importPanel);
    sarafan('purchase', {});
    await settle();
    expect(shown).toHaveLength(0);
    sarafan('identify', identity);
    await settle();
    expect(shown.at(-1)).toMatchObject({ reason: 'purchase', identity });
  });

  it('takes identity from the script tag (as strings: the panel keeps the fields the server verifies)', async () => {
    const { shown, importPanel } = fakePanel();
    const script = widgetScript({
      program: 'demo',
      email: 'bob@example.com',
      name: 'Bob',
      customerId: 'cust-9',
      timestamp: '1700000000000',
      signature: 'b'.repeat(64),
    });
    startLoader(script, importPanel);
    sarafan('open');
    await settle();
    expect(shown.at(-1)).toMatchObject({
      reason: 'open',
      identity: { email: 'bob@example.com', name: 'Bob', customerId: 'cust-9', timestamp: '1700000000000', signature: 'b'.repeat(64) },
    });
  });

  it('passes the script tag’s data attributes (data-lang, …) and a server under a path prefix', async () => {
    const { shown, importPanel } = fakePanel();
    startLoader(widgetScript({ program: 'demo', lang: 'pl' }, 'https://cdn.example.com/sarafan/widget.js?v=2'), importPanel);
    sarafan('open');
    await settle();
    expect(importPanel).toHaveBeenCalledWith('https://cdn.example.com/sarafan/widget/panel.js');
    expect(shown.at(-1)).toMatchObject({ server: 'https://cdn.example.com/sarafan', dataset: { program: 'demo', lang: 'pl' } });
  });

  it('loads the panel for an inline mount point, and only then', async () => {
    const { shown, importPanel } = fakePanel();
    startLoader(widgetScript(), importPanel);
    await settle();
    expect(importPanel).not.toHaveBeenCalled();

    delete host.sarafan;
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    startLoader(widgetScript(), importPanel);
    await settle();
    expect(shown.at(-1)?.reason).toBe('inline');
  });

  it('looks for mount points again once the document is parsed (script in <head>)', async () => {
    const readyState = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const { shown, importPanel } = fakePanel();
    startLoader(widgetScript(), importPanel);
    readyState.mockRestore();
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    await settle();
    expect(shown.at(-1)?.reason).toBe('inline');
  });

  it('loads the panel for a referral kept from an earlier visit (friend offer)', async () => {
    document.cookie = 'sarafan_ref=ALICE7K2.clk_1;path=/';
    const { shown, importPanel } = fakePanel();
    startLoader(widgetScript(), importPanel);
    await settle();
    expect(shown.at(-1)).toMatchObject({ reason: 'referral', referral: { code: 'ALICE7K2', clickId: 'clk_1' } });
  });

  it('retries the panel import after a failure', async () => {
    const importPanel = vi.fn().mockRejectedValueOnce(new TypeError('network')).mockResolvedValue({ show: () => {} });
    startLoader(widgetScript(), importPanel);
    sarafan('open');
    await settle();
    expect(warn).toHaveBeenCalledTimes(1);
    sarafan('open');
    await settle();
    expect(importPanel).toHaveBeenCalledTimes(2);
  });
});

describe('consent', () => {
  it('false deletes our cookies and stops setting them; true sets them again', async () => {
    document.cookie = 'sarafan_ref=ALICE7K2.clk_1;path=/';
    startLoader(widgetScript(), fakePanel().importPanel);
    expect(cookie('sarafan_vid')).toBeTruthy();

    sarafan('consent', false);
    await settle();
    expect(cookie('sarafan_vid') || undefined).toBeUndefined();
    expect(cookie('sarafan_ref') || undefined).toBeUndefined();

    // Remembered on the next page: a new referral is reported but not stored.
    delete host.sarafan;
    history.replaceState(null, '', '/?ref=BOB42XY');
    const requests = stubServer({ clicks: () => json({ clickId: 'c2', counted: true }) });
    startLoader(widgetScript(), fakePanel().importPanel);
    await settle();
    expect(requests).toHaveLength(1);
    // Without credentials: the browser ignores any cookie the tracking server might set in its answer.
    expect(requests[0]?.init?.credentials).toBe('omit');
    expect(cookie('sarafan_vid') || undefined).toBeUndefined();
    expect(cookie('sarafan_ref') || undefined).toBeUndefined();

    sarafan('consent', true);
    expect(cookie('sarafan_vid')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cookie('sarafan_ref')).toBe('BOB42XY.c2');
  });

  it('asks the panel to have the server-set cookie deleted once, when the choice turns to no', async () => {
    const { shown, importPanel } = fakePanel();
    startLoader(widgetScript(), importPanel);
    sarafan('consent', false);
    sarafan('consent', false);
    await settle();
    expect(shown.filter((context) => context.reason === 'forget')).toHaveLength(1);

    // The refusal is remembered: the next page does not ask again.
    delete host.sarafan;
    const next = fakePanel();
    startLoader(widgetScript(), next.importPanel);
    sarafan('consent', false);
    await settle();
    expect(next.importPanel).not.toHaveBeenCalled();
  });

  it('a queued consent(false) is honoured before any cookie is written', () => {
    new Function(STUB)();
    sarafan('consent', false);
    startLoader(widgetScript(), fakePanel().importPanel);
    // Deleting (max-age=0) is the only write; a deleted cookie reads as absent or empty.
    expect(cookie('sarafan_vid') || undefined).toBeUndefined();
  });
});

describe('consent required (data-consent="required")', () => {
  const requiredScript = () => widgetScript({ program: 'demo', consent: 'required' });
  const LANDING = '/product/1?ref=alice7k2&sarafan_click=clk_1';

  /** A friend lands from a short link; the shop's consent banner has not been answered. */
  async function landWithoutConsent() {
    history.replaceState(null, '', LANDING);
    const requests = stubServer({ clicks: () => json({ clickId: 'clk_1', counted: false }) });
    const panel = fakePanel();
    startLoader(requiredScript(), panel.importPanel);
    await settle();
    return { requests, ...panel };
  }

  /** The next page of the same tab: a fresh loader, the same sessionStorage and cookies. */
  async function nextPage(path: string) {
    delete host.sarafan;
    history.replaceState(null, '', path);
    const panel = fakePanel();
    startLoader(requiredScript(), panel.importPanel);
    await settle();
    return panel;
  }

  it('writes no cookie and sends no click before consent, yet shows the friend offer', async () => {
    const { requests, shown } = await landWithoutConsent();
    expect(requests).toHaveLength(0);
    expect(document.cookie).toBe('');
    expect(location.search).toBe('?ref=alice7k2');
    // The panel gets the waiting referral's code, so the friend sees the offer and its coupon.
    expect(shown.at(-1)).toMatchObject({ reason: 'referral', referral: { code: 'ALICE7K2', clickId: 'clk_1' } });
    expect(warn).not.toHaveBeenCalled();
  });

  it('reports the waiting click once consent is given, then keeps the cookies', async () => {
    const { requests, shown } = await landWithoutConsent();
    sarafan('consent', true);
    sarafan('consent', true);
    await settle();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.init?.credentials).toBe('include');
    expect(requests[0]?.body).toMatchObject({
      programId: 'demo',
      code: 'ALICE7K2',
      clickId: 'clk_1',
      url: `http://localhost:3000${LANDING}`,
      visitorId: cookie('sarafan_vid'),
    });
    expect(cookie('sarafan_vid')).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(cookie('sarafan_ref')).toBe('ALICE7K2.clk_1');
    expect(localStorage.getItem('sarafan_consent')).toBe('1');
    expect(shown.at(-1)).toMatchObject({ reason: 'referral', referral: { code: 'ALICE7K2', clickId: 'clk_1' } });

    // Nothing waits any more: later pages do not report it again.
    await nextPage('/cart');
    expect(requests).toHaveLength(1);
  });

  it('keeps the referral across pages of the tab and reports it when consent comes later', async () => {
    const { requests } = await landWithoutConsent();
    const second = await nextPage('/product/2');
    expect(requests).toHaveLength(0);
    expect(document.cookie).toBe('');
    expect(second.shown.at(-1)).toMatchObject({ reason: 'referral', referral: { code: 'ALICE7K2' } });

    sarafan('consent', true);
    await settle();
    expect(requests).toHaveLength(1);
    // The landing page's address, with the short link's click id that it claims.
    expect(requests[0]?.body).toMatchObject({ code: 'ALICE7K2', clickId: 'clk_1', url: `http://localhost:3000${LANDING}` });
    expect(cookie('sarafan_ref')).toBe('ALICE7K2.clk_1');
  });

  it('a consent(true) queued in the stub on a later page reports the waiting click', async () => {
    const { requests } = await landWithoutConsent();
    delete host.sarafan;
    history.replaceState(null, '', '/cart');
    new Function(STUB)();
    sarafan('consent', true);
    startLoader(requiredScript(), fakePanel().importPanel);
    await settle();
    expect(requests).toHaveLength(1);
    expect(cookie('sarafan_ref')).toBe('ALICE7K2.clk_1');
  });

  it('drops the waiting referral when consent is refused: nothing sent or stored, now or later', async () => {
    const { requests, shown } = await landWithoutConsent();
    sarafan('consent', false);
    await settle();
    expect(requests).toHaveLength(0);
    expect(document.cookie).toBe('');
    // Nothing was ever set, so there is nothing for the server to delete.
    expect(shown.some((context) => context.reason === 'forget')).toBe(false);

    const later = await nextPage('/cart');
    expect(requests).toHaveLength(0);
    expect(later.importPanel).not.toHaveBeenCalled();
    sarafan('consent', true);
    await settle();
    expect(requests).toHaveLength(0);
    expect(cookie('sarafan_ref')).toBeUndefined();
  });

  it('a remembered yes reports the click at once', async () => {
    localStorage.setItem('sarafan_consent', '1');
    const { requests } = await landWithoutConsent();
    expect(requests).toHaveLength(1);
    expect(cookie('sarafan_ref')).toBe('ALICE7K2.clk_1');
    expect(cookie('sarafan_vid')).toBeTruthy();
  });

  it('a later landing replaces the waiting referral (last click wins)', async () => {
    const { requests } = await landWithoutConsent();
    await nextPage('/?via=BOB42XY');
    sarafan('consent', true);
    await settle();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toMatchObject({ code: 'BOB42XY' });
    expect(requests[0]?.body).not.toHaveProperty('clickId');
  });

  it('waits in memory when sessionStorage is blocked', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const { requests } = await landWithoutConsent();
    expect(requests).toHaveLength(0);
    sarafan('consent', true);
    await settle();
    expect(requests).toHaveLength(1);
    expect(cookie('sarafan_ref')).toBe('ALICE7K2.clk_1');
    expect(warn).not.toHaveBeenCalled();
  });

  it('ignores a hand-edited waiting referral', async () => {
    sessionStorage.setItem('sarafan_held', 'javascript:alert(1)');
    const requests = stubServer({});
    const { importPanel } = await nextPage('/');
    sarafan('consent', true);
    await settle();
    expect(requests).toHaveLength(0);
    expect(importPanel).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('never throws into the page', () => {
  it('warns once for each bad call and carries on', async () => {
    const { shown, importPanel } = fakePanel();
    startLoader(widgetScript(), importPanel);
    expect(() => {
      sarafan('identify', null);
      sarafan('identify', { email: 'bob@example.com' });
      sarafan('consent', 'yes');
      sarafan('launchRockets', {});
      sarafan(undefined);
      sarafan('purchase', null);
      sarafan('open', Symbol('odd'));
    }).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(5);
    for (const [message] of warn.mock.calls) expect(String(message)).toMatch(/^\[sarafan\] /);
    await settle();
    expect(shown.at(-1)?.reason).toBe('open');
  });

  it('warns and stops without data-program', () => {
    const importPanel = vi.fn();
    expect(() => startLoader(widgetScript({}), importPanel)).not.toThrow();
    expect(() => startLoader(null, importPanel)).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]?.[0])).toContain('data-program');
    expect(cookie('sarafan_vid')).toBeUndefined();
  });

  it('survives a hand-edited referral cookie', () => {
    document.cookie = 'sarafan_ref=%E0%A4%A;path=/';
    expect(() => startLoader(widgetScript(), fakePanel().importPanel)).not.toThrow();
    expect(warn).not.toHaveBeenCalled();
  });

  it('does nothing a second time when the script is included twice', () => {
    startLoader(widgetScript(), fakePanel().importPanel);
    const first = host.sarafan;
    startLoader(widgetScript(), fakePanel().importPanel);
    expect(host.sarafan).toBe(first);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('defines no global but sarafan', () => {
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    startLoader(widgetScript(), fakePanel().importPanel);
    const added = Object.getOwnPropertyNames(globalThis).filter((name) => !before.has(name));
    expect(added).toEqual(['sarafan']);
  });
});

describe('placements that need the panel', () => {
  it.each([
    ['an inline panel', '<div data-sarafan-panel></div>', {}],
    ['a banner', '<div data-sarafan-banner></div>', {}],
    ['a product share', '<div data-sarafan-product></div>', {}],
    ['the launcher (data-launcher)', '', { launcher: 'bottom-right' }],
  ])('loads the panel for %s', async (_name, html, data) => {
    document.body.innerHTML = html;
    const { shown, importPanel } = fakePanel();
    startLoader(widgetScript({ program: 'demo', ...data }), importPanel);
    await settle();
    expect(importPanel).toHaveBeenCalledTimes(1);
    expect(shown.at(-1)).toMatchObject({ reason: 'inline', dataset: expect.objectContaining(data) });
  });

  it('downloads nothing on a page with none of them', async () => {
    document.body.innerHTML = '<div data-sarafan-other></div><div class="sarafan-banner"></div>';
    const { importPanel } = fakePanel();
    startLoader(widgetScript(), importPanel);
    await settle();
    expect(importPanel).not.toHaveBeenCalled();
  });
});
