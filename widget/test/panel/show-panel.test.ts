import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionResponse } from '../../../shared/src/wire.ts';
import { SESSION_TIMEOUT_MS } from '../../src/panel/session.ts';
import { panelCss } from '../../src/panel/styles.ts';
import { EXTRA_CSS } from '../../src/panel/extras/extra-styles.ts';
import { resetPanel, show } from '../../src/panel/show-panel.ts';
import { SERVER, adoptedCss, aliceOffer, ambassadorView, byTestId, identity, json, panelContext, session, shadowOf, stubServer } from '../fixtures.ts';

let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  localStorage.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  vi.useRealTimers();
  await resetPanel();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function serve(answer: SessionResponse) {
  return stubServer({ session: () => json(answer) });
}

describe('inline mount point', () => {
  it('says in a few words why a reward is rejected, held or voided', async () => {
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    serve(
      session({
        ambassador: ambassadorView({
          rewards: [
            { amount: 216, currency: 'EUR', status: 'rejected', createdAt: 3, reason: 'own_purchase' },
            { amount: 400, currency: 'EUR', status: 'held', createdAt: 2, reason: 'under_review' },
            { amount: 100, currency: 'EUR', status: 'pending', createdAt: 1 },
          ],
        }),
      }),
    );
    await show(panelContext({ identity, dataset: { lang: 'en-GB' } }));

    const root = shadowOf('[data-sarafan-panel]');
    const rewards = [...root.querySelectorAll<HTMLElement>('[data-testid="sarafan-reward"]')].map((reward) => reward.textContent);
    expect(rewards).toEqual([
      '€2.16 Rejected (your own purchase)',
      '€4.00 On hold (under review)',
      '€1.00 Pending',
    ]);
  });

  it('renders the ambassador panel from the session: link, code, stats, totals and rewards', async () => {
    document.body.innerHTML = '<main><div data-sarafan-panel></div></main>';
    const requests = serve(session({ ambassador: ambassadorView() }));

    await show(panelContext({ identity, reason: 'inline' }));

    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe(`${SERVER}/v1/widget/session`);
    expect(requests[0]?.init).toMatchObject({ method: 'POST', credentials: 'include' });
    expect(requests[0]?.body).toEqual({ programId: 'demo', visitorId: 'visitor_1', identity });

    const root = shadowOf('[data-sarafan-panel]');
    const panel = byTestId(root, 'sarafan-panel');
    expect(panel.textContent).toContain('Invite a friend');
    expect(panel.textContent).toContain('Your friends get 10% off');
    const link = byTestId<HTMLInputElement>(root, 'sarafan-referral-link');
    expect(link.value).toBe(`${SERVER}/r/BOB42XY`);
    expect(link.readOnly).toBe(true);
    expect(byTestId(root, 'sarafan-referral-code').textContent).toBe('BOB42XY');
    expect(byTestId(root, 'sarafan-stat-clicks').dataset.value).toBe('7');
    expect(byTestId(root, 'sarafan-stat-friends').dataset.value).toBe('2');

    const rewards = [...root.querySelectorAll<HTMLElement>('[data-testid="sarafan-reward"]')];
    expect(rewards.map((reward) => ({ ...reward.dataset }))).toEqual([
      { testid: 'sarafan-reward', status: 'pending', amount: '1250', currency: 'USD' },
      { testid: 'sarafan-reward', status: 'approved', amount: '500', currency: 'JPY' },
    ]);
    expect(rewards[0]?.textContent).toBe('$12.50 Pending');
    expect(rewards[1]?.textContent).toBe('¥500 Approved');

    const pending = [...root.querySelectorAll<HTMLElement>('[data-testid="sarafan-total-pending"]')];
    expect(pending.map((total) => [total.dataset.currency, total.dataset.amount])).toEqual([
      ['USD', '1250'],
      ['JPY', '0'],
    ]);
    expect(pending[0]?.textContent).toBe('Pending: $12.50');
    expect(byTestId(root, 'sarafan-total-paid').textContent).toBe('Paid: $3.00');
    expect(warn).not.toHaveBeenCalled();
  });

  it('explains the program to a visitor the shop has not identified', async () => {
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    serve(session());
    await show(panelContext());
    const root = shadowOf('[data-sarafan-panel]');
    expect(byTestId(root, 'sarafan-intro').textContent).toContain('Tell your friends about Demo Shop');
    expect(root.textContent).toContain('After your first purchase');
    expect(root.querySelector('[data-testid="sarafan-panel"]')).toBeNull();
  });

  it('brings its own stylesheet, adopted (allowed under a strict CSP) and shared by every placement', async () => {
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    serve(session({ offer: aliceOffer }));
    await show(panelContext({ referral: { code: 'ALICE7K2', clickId: 'clk_1' } }));
    const inline = shadowOf('[data-sarafan-panel]');
    expect(inline.querySelector('style')).toBeNull();
    expect(inline.adoptedStyleSheets).toHaveLength(1);
    expect(adoptedCss(inline)).toContain(':host { all: initial;');
    expect(shadowOf('sarafan-offer').adoptedStyleSheets[0]).toBe(inline.adoptedStyleSheets[0]);
  });

  it('falls back to a <style> element where stylesheets cannot be constructed', async () => {
    // As in Safari before 16.4.
    vi.spyOn(ShadowRoot.prototype, 'adoptedStyleSheets', 'get').mockReturnValue(undefined as never);
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    serve(session());
    await show(panelContext());
    const root = shadowOf('[data-sarafan-panel]');
    expect(root.querySelector('style')?.textContent).toBe(panelCss(undefined) + EXTRA_CSS);
    expect(byTestId(root, 'sarafan-intro')).toBeTruthy();
    expect(warn).not.toHaveBeenCalled();
  });

  it('leaves the shop’s own content alone when the server is down', async () => {
    document.body.innerHTML = '<div data-sarafan-panel>Ask us about our referral program</div>';
    stubServer({});
    await show(panelContext({ identity }));
    const mount = document.querySelector('[data-sarafan-panel]');
    expect(mount?.shadowRoot).toBeNull();
    expect(mount?.textContent).toBe('Ask us about our referral program');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('makes no request when nothing is to be shown', async () => {
    const requests = stubServer({});
    await show(panelContext({ identity, reason: 'inline' }));
    expect(requests).toHaveLength(0);
  });

  it('asks once for placements that share a session', async () => {
    document.body.innerHTML = '<div data-sarafan-panel></div><div data-sarafan-panel></div>';
    const requests = serve(session({ ambassador: ambassadorView() }));
    await show(panelContext({ identity }));
    await show(panelContext({ identity }));
    expect(requests).toHaveLength(1);
    for (const mount of document.querySelectorAll('[data-sarafan-panel]')) {
      expect(mount.shadowRoot?.querySelector('[data-testid="sarafan-panel"]')).not.toBeNull();
    }
  });
});

describe('friend offer', () => {
  it('shows "Alice gives you 10% off" with the coupon code to a referred visitor', async () => {
    const requests = serve(session({ offer: aliceOffer }));
    await show(panelContext({ referral: { code: 'ALICE7K2', clickId: 'clk_1' }, reason: 'referral' }));
    expect(requests[0]?.body).toEqual({ programId: 'demo', visitorId: 'visitor_1', referral: { code: 'ALICE7K2', clickId: 'clk_1' } });
    const root = shadowOf('sarafan-offer');
    expect(byTestId(root, 'sarafan-offer').textContent).toContain('Alice gives you 10% off');
    expect(byTestId(root, 'sarafan-offer-code').textContent).toBe('ALICE7K2');
    expect(byTestId(root, 'sarafan-offer-copy').tagName).toBe('BUTTON');
  });

  it('shows the offer for a referral still waiting for consent, sending the server only code and click id', async () => {
    const requests = stubServer({ session: () => json(session({ offer: aliceOffer })) });
    const waiting = { code: 'ALICE7K2', clickId: undefined, url: 'http://localhost:3000/?ref=ALICE7K2' };
    await show(panelContext({ referral: waiting, reason: 'referral' }));
    expect(requests[0]?.body).toEqual({ programId: 'demo', visitorId: 'visitor_1', referral: { code: 'ALICE7K2' } });
    expect(byTestId(shadowOf('sarafan-offer'), 'sarafan-offer-code').textContent).toBe('ALICE7K2');
  });

  it('shows the offer the server found in its own cookie, on a page that could not name the referral', async () => {
    document.body.innerHTML = '<main><div data-sarafan-panel></div></main>';
    const requests = serve(session({ offer: aliceOffer }));
    await show(panelContext({ reason: 'inline' }));
    expect(requests[0]?.body).toEqual({ programId: 'demo', visitorId: 'visitor_1' });
    expect(byTestId(shadowOf('sarafan-offer'), 'sarafan-offer-code').textContent).toBe('ALICE7K2');
  });

  it('stays dismissed for the rest of the visit', async () => {
    serve(session({ offer: aliceOffer }));
    const referred = panelContext({ referral: { code: 'ALICE7K2', clickId: 'clk_1' }, reason: 'referral' });
    await show(referred);
    byTestId(shadowOf('sarafan-offer'), 'sarafan-offer-close').click();
    expect(document.querySelector('sarafan-offer')).toBeNull();
    expect(sessionStorage.getItem('sarafan_offer_dismissed')).toBe('ALICE7K2');
    await show(referred);
    expect(document.querySelector('sarafan-offer')).toBeNull();
  });

  it('stays hidden when there is no offer or no server', async () => {
    serve(session({ offer: null }));
    await show(panelContext({ referral: { code: 'BOB42XY', clickId: 'clk_2' }, reason: 'referral' }));
    expect(document.querySelector('sarafan-offer')).toBeNull();
    stubServer({ session: () => json({ error: { code: 'internal', message: 'boom' } }, 500) });
    await show(panelContext({ referral: { code: 'ALICE7K2', clickId: 'clk_3' }, reason: 'referral' }));
    expect(document.querySelector('sarafan-offer')).toBeNull();
  });
});

describe('consent withdrawn (forget)', () => {
  it('asks the server, with credentials, to delete the cookie it set, and shows nothing', async () => {
    document.body.innerHTML = '<div data-sarafan-panel>shop content</div>';
    const requests = stubServer({ forget: () => new Response(null, { status: 204 }) });
    await show(panelContext({ referral: { code: 'ALICE7K2', clickId: 'clk_1' }, reason: 'forget' }));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe(`${SERVER}/v1/widget/forget`);
    expect(requests[0]?.init).toMatchObject({ method: 'POST', credentials: 'include', keepalive: true });
    expect(requests[0]?.body).toEqual({ programId: 'demo' });
    expect(document.querySelector('sarafan-offer')).toBeNull();
    expect(document.querySelector('[data-sarafan-panel]')?.shadowRoot).toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns once when the server cannot be reached', async () => {
    stubServer({});
    await show(panelContext({ reason: 'forget' }));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/^\[sarafan\] /);
  });
});

describe('dialog', () => {
  it('opens after a purchase: modal, labelled, focus inside; Escape closes it and focus returns', async () => {
    document.body.innerHTML = '<button id="buy">Buy</button>';
    const buy = document.getElementById('buy')!;
    buy.focus();
    serve(session({ ambassador: ambassadorView() }));

    await show(panelContext({ identity, reason: 'purchase' }));

    const root = shadowOf('sarafan-dialog');
    const dialog = byTestId(root, 'sarafan-dialog');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const labelId = dialog.getAttribute('aria-labelledby')!;
    expect(root.getElementById(labelId)?.textContent).toBe('Invite a friend');
    expect(dialog.contains(root.activeElement)).toBe(true);
    expect(byTestId(dialog, 'sarafan-panel')).toBeTruthy();

    root.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(document.querySelector('sarafan-dialog')).toBeNull();
    expect(document.activeElement).toBe(buy);
  });

  it('closes with the close button and with a click on the backdrop', async () => {
    serve(session({ ambassador: ambassadorView() }));
    await show(panelContext({ identity, reason: 'open' }));
    byTestId(shadowOf('sarafan-dialog'), 'sarafan-close').click();
    expect(document.querySelector('sarafan-dialog')).toBeNull();

    await show(panelContext({ identity, reason: 'open' }));
    shadowOf('sarafan-dialog').querySelector<HTMLElement>('.overlay')!.click();
    expect(document.querySelector('sarafan-dialog')).toBeNull();
  });

  it('keeps Tab inside the dialog', async () => {
    serve(session({ ambassador: ambassadorView() }));
    await show(panelContext({ identity, reason: 'open' }));
    const root = shadowOf('sarafan-dialog');
    const dialog = byTestId(root, 'sarafan-dialog');
    const close = byTestId(root, 'sarafan-close');
    expect(root.activeElement).toBe(close);
    // The close button is the last focusable element: Tab wraps to the first.
    close.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    expect(root.activeElement).toBe(dialog.querySelector('input'));
    // And Shift+Tab on the first wraps to the last.
    root.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true }));
    expect(root.activeElement).toBe(close);
  });

  it('opens once per order: a reload of the confirmation page leaves the page usable', async () => {
    serve(session({ ambassador: ambassadorView() }));
    await show(panelContext({ identity, orderId: 'o-1', reason: 'purchase' }));
    byTestId(shadowOf('sarafan-dialog'), 'sarafan-close').click();
    expect(document.querySelector('sarafan-dialog')).toBeNull();

    await show(panelContext({ identity, orderId: 'o-1', reason: 'purchase' }));
    expect(document.querySelector('sarafan-dialog')).toBeNull();

    await show(panelContext({ identity, orderId: 'o-2', reason: 'purchase' }));
    expect(document.querySelector('sarafan-dialog')).not.toBeNull();
    // `open` is an explicit request: always honoured.
    byTestId(shadowOf('sarafan-dialog'), 'sarafan-close').click();
    await show(panelContext({ identity, orderId: 'o-2', reason: 'open' }));
    expect(document.querySelector('sarafan-dialog')).not.toBeNull();
  });

  it('stays hidden after a purchase without an ambassador or without a server', async () => {
    serve(session());
    await show(panelContext({ identity, reason: 'purchase' }));
    expect(document.querySelector('sarafan-dialog')).toBeNull();
    stubServer({});
    await show(panelContext({ identity: { ...identity, email: 'other@example.com' }, reason: 'purchase' }));
    expect(document.querySelector('sarafan-dialog')).toBeNull();
  });

  it('gives up on a slow server and stays hidden', async () => {
    vi.useFakeTimers();
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('slow', 'AbortError')))),
      ),
    );
    const shown = show(panelContext({ identity, reason: 'purchase' }));
    await vi.advanceTimersByTimeAsync(SESSION_TIMEOUT_MS);
    // Rendering would start in a later task.
    await vi.runAllTimersAsync();
    await shown;
    vi.useRealTimers();
    expect(document.querySelector('sarafan-dialog')).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('`open` without an identified customer explains the program', async () => {
    serve(session());
    await show(panelContext({ reason: 'open' }));
    expect(byTestId(shadowOf('sarafan-dialog'), 'sarafan-intro')).toBeTruthy();
  });

  it('renders the newest answer when calls overlap', async () => {
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    let releaseFirst: (response: Response) => void = () => {};
    stubServer({
      session: (body) =>
        (body as { identity?: unknown }).identity
          ? json(session({ ambassador: ambassadorView() }))
          : new Promise<Response>((resolve) => (releaseFirst = resolve)),
    });
    const first = show(panelContext());
    await show(panelContext({ identity }));
    releaseFirst(json(session()));
    await first;
    expect(shadowOf('[data-sarafan-panel]').querySelector('[data-testid="sarafan-panel"]')).not.toBeNull();
  });
});

describe('languages and looks', () => {
  it('renders in Russian for data-lang="ru", with plural forms that agree with the numbers', async () => {
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    serve(session({ ambassador: ambassadorView({ stats: { clicks: 21, friendsBought: 3 } }) }));
    await show(panelContext({ identity, dataset: { lang: 'ru' } }));

    const root = shadowOf('[data-sarafan-panel]');
    const panel = byTestId(root, 'sarafan-panel');
    expect(panel.getAttribute('lang')).toBe('ru');
    expect(root.getElementById('sarafan-title')?.textContent).toBe('Пригласите друга');
    expect(byTestId(root, 'sarafan-copy-link').textContent).toBe('Копировать ссылку');
    expect([...root.querySelectorAll('dt')].map((term) => term.textContent)).toEqual(['переход', 'друга купили']);
    // Numbers in the page's language too: a comma before the kopecks, the currency after.
    expect(byTestId(root, 'sarafan-total-pending').textContent?.replace(/\s/g, ' ')).toBe('Ожидает: 12,50 $');
  });

  it('follows <html lang> when the script tag has no data-lang, and Polish takes many forms', async () => {
    document.documentElement.lang = 'pl-PL';
    try {
      document.body.innerHTML = '<div data-sarafan-panel></div>';
      serve(session({ ambassador: ambassadorView({ stats: { clicks: 5, friendsBought: 12 } }) }));
      await show(panelContext({ identity, dataset: {} }));
      const root = shadowOf('[data-sarafan-panel]');
      expect(byTestId(root, 'sarafan-panel').getAttribute('lang')).toBe('pl');
      expect([...root.querySelectorAll('dt')].map((term) => term.textContent)).toEqual(['kliknięć', 'znajomych kupiło']);
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('shows the friend offer in the page language, marked as English where we have no translation', async () => {
    serve(session({ offer: aliceOffer }));
    await show(panelContext({ referral: { code: 'ALICE7K2', clickId: 'clk_1' }, reason: 'referral', dataset: { lang: 'pl' } }));
    expect(byTestId(shadowOf('sarafan-offer'), 'sarafan-offer').textContent).toContain('Alice daje Ci 10% zniżki');

    await resetPanel();
    serve(session({ offer: aliceOffer }));
    await show(panelContext({ referral: { code: 'ALICE7K2', clickId: 'clk_1' }, reason: 'referral', dataset: { lang: 'de-DE' } }));
    const offer = byTestId(shadowOf('sarafan-offer'), 'sarafan-offer');
    expect(offer.getAttribute('lang')).toBe('en');
    expect(offer.textContent).toContain('Alice gives you 10% off');
  });

  it('uses the shop’s own texts from data-texts over the language’s', async () => {
    serve(session({ ambassador: ambassadorView() }));
    const texts = JSON.stringify({ title: 'Poleć nas', clicks: { many: 'wizyt' } });
    await show(panelContext({ identity, reason: 'open', dataset: { lang: 'pl', texts } }));
    const root = shadowOf('sarafan-dialog');
    expect(root.getElementById('sarafan-title')?.textContent).toBe('Poleć nas');
    expect(byTestId(root, 'sarafan-dialog').getAttribute('aria-labelledby')).toBe('sarafan-title');
    expect(root.querySelector('dt')?.textContent).toBe('wizyt');
    expect(byTestId(root, 'sarafan-copy-code').textContent).toBe('Kopiuj kod');
    expect(warn).not.toHaveBeenCalled();
  });

  it('still renders, in the built-in texts, with one warning for a broken data-texts', async () => {
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    serve(session({ ambassador: ambassadorView() }));
    await show(panelContext({ identity, dataset: { texts: '{"title":' } }));
    expect(shadowOf('[data-sarafan-panel]').getElementById('sarafan-title')?.textContent).toBe('Invite a friend');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it.each([
    [undefined, true, true],
    ['dark', false, true],
    ['light', false, false],
    ['sepia', true, true],
  ])('data-theme=%s: dark colours follow the system (%s), or are forced (%s)', async (theme, followsSystem, dark) => {
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    serve(session());
    await show(panelContext({ dataset: { theme } }));
    const css = adoptedCss(shadowOf('[data-sarafan-panel]'));
    expect(css.includes('prefers-color-scheme')).toBe(followsSystem);
    expect(css.includes('color-scheme: dark')).toBe(dark);
  });
});
