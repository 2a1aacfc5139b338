import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { productLink } from '../../src/panel/placements.tsx';
import { resetPanel, show } from '../../src/panel/show-panel.ts';
import { aliceOffer, ambassadorView, byTestId, identity, json, panelContext, recordBeacons, session, shadowOf, stubServer } from '../fixtures.ts';

beforeEach(() => {
  document.body.innerHTML = '';
  sessionStorage.clear();
  localStorage.clear();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  await resetPanel();
  document.querySelector('sarafan-launcher')?.remove();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The events of every beacon sent so far, flattened. */
async function events(recorder: ReturnType<typeof recordBeacons>): Promise<unknown[]> {
  return (await recorder.all()).flatMap((beacon) => (beacon.body as { events: unknown[] }).events);
}

describe('launcher', () => {
  it('data-launcher adds a floating button that opens the panel dialog; shown and opened are reported', async () => {
    stubServer({ session: () => json(session({ ambassador: ambassadorView() })) });
    const recorder = recordBeacons();
    await show(panelContext({ identity, dataset: { lang: 'en', launcher: 'bottom-right' } }));

    const launcher = byTestId(shadowOf('sarafan-launcher'), 'sarafan-launcher');
    expect(launcher.tagName).toBe('BUTTON');
    expect(launcher.textContent).toBe('Invite friends');
    expect(launcher.className).toBe('launcher');
    expect(launcher.getAttribute('aria-haspopup')).toBe('dialog');
    // Fixed (its own stylesheet): it overlays the page instead of moving it.
    expect([...shadowOf('sarafan-launcher').adoptedStyleSheets.at(-1)!.cssRules].map((rule) => rule.cssText).join('')).toMatch(
      /\.launcher \{ position: fixed; bottom: 16px; right: 16px;/,
    );

    launcher.click();
    await vi.waitFor(() => expect(document.querySelector('sarafan-dialog')).not.toBeNull());
    expect(byTestId(shadowOf('sarafan-dialog'), 'sarafan-referral-code').textContent).toBe('BOB42XY');
    // A second render (the dialog's) does not report the launcher again.
    expect(await events(recorder)).toEqual([
      { type: 'widget_shown', placement: 'launcher' },
      { type: 'panel_opened', placement: 'launcher' },
    ]);
  });

  it('takes its label from data-launcher-label and sits on the left with bottom-left', async () => {
    stubServer({ session: () => json(session()) });
    await show(panelContext({ dataset: { lang: 'en', launcher: 'bottom-left', launcherLabel: 'Get 10% for a friend' } }));
    const launcher = byTestId(shadowOf('sarafan-launcher'), 'sarafan-launcher');
    expect(launcher.textContent).toBe('Get 10% for a friend');
    expect(launcher.className).toBe('launcher left');
  });

  it('is not there without data-launcher, and nothing is fetched for an empty page', async () => {
    const requests = stubServer({ session: () => json(session()) });
    await show(panelContext({ dataset: { lang: 'en' } }));
    expect(document.querySelector('sarafan-launcher')).toBeNull();
    expect(requests).toEqual([]);
  });
});

describe('banner', () => {
  it('fills [data-sarafan-banner] with a one-line invitation whose button opens the dialog', async () => {
    document.body.innerHTML = '<div data-sarafan-banner>Shop content</div>';
    stubServer({ session: () => json(session({ ambassador: ambassadorView() })) });
    const recorder = recordBeacons();
    await show(panelContext({ identity, dataset: { lang: 'ru' } }));

    const root = shadowOf('[data-sarafan-banner]');
    expect(byTestId(root, 'sarafan-banner').textContent).toBe('Подарите друзьям скидку 10% и получите наградуПригласить друзей');
    byTestId(root, 'sarafan-banner-open').click();
    await vi.waitFor(() => expect(document.querySelector('sarafan-dialog')).not.toBeNull());
    expect(await events(recorder)).toEqual([
      { type: 'widget_shown', placement: 'banner' },
      { type: 'panel_opened', placement: 'banner' },
    ]);
  });

  it('invites a visitor who is not an ambassador yet to learn about the program', async () => {
    document.body.innerHTML = '<div data-sarafan-banner></div>';
    stubServer({ session: () => json(session()) });
    await show(panelContext({ dataset: { lang: 'en' } }));
    expect(byTestId(shadowOf('[data-sarafan-banner]'), 'sarafan-banner').querySelector('p')!.textContent).toBe('Tell your friends about Demo Shop');
  });
});

describe('product share', () => {
  it('shares the product page itself with ?ref=CODE, without the parameters it was opened with', () => {
    expect(productLink('https://shop.example/products/mug?color=red&ref=OLD1&sarafan_click=c1&via=X2&qr=1#reviews', 'BOB42XY')).toBe(
      'https://shop.example/products/mug?color=red&ref=BOB42XY',
    );
    expect(productLink('https://shop.example/products/mug', 'BOB42XY')).toBe('https://shop.example/products/mug?ref=BOB42XY');
  });

  it('renders "recommend this product" with the page link on every channel; copying it is a share', async () => {
    history.replaceState(null, '', '/products/mug?color=red&ref=ALICE7K2');
    document.body.innerHTML = '<div data-sarafan-product></div><div data-sarafan-panel></div>';
    stubServer({ session: () => json(session({ ambassador: ambassadorView() })) });
    const recorder = recordBeacons();
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: navigator.sendBeacon, clipboard: { writeText: vi.fn().mockResolvedValue(undefined) } });
    await show(panelContext({ identity, dataset: { lang: 'en' } }));

    const root = shadowOf('[data-sarafan-product]');
    const link = `${location.origin}/products/mug?color=red&ref=BOB42XY`;
    expect(byTestId(root, 'sarafan-product').querySelector('h2')!.textContent).toBe('Recommend this product');
    expect(byTestId<HTMLInputElement>(root, 'sarafan-product-link').value).toBe(link);
    expect(byTestId(root, 'sarafan-share-x').getAttribute('href')).toContain(`&url=${encodeURIComponent(link)}`);
    // The inline panel on the same page keeps the short link.
    expect(byTestId(shadowOf('[data-sarafan-panel]'), 'sarafan-share-facebook').getAttribute('href')).toContain(encodeURIComponent('/r/BOB42XY'));

    byTestId(root, 'sarafan-product-copy').click();
    await vi.waitFor(() => expect(byTestId(root, 'sarafan-product-copy').textContent).toBe('Copied!'));
    expect(await events(recorder)).toEqual([
      { type: 'widget_shown', placement: 'product' },
      { type: 'widget_shown', placement: 'inline' },
      { type: 'share', channel: 'copy_link', placement: 'product' },
    ]);
    expect((await recorder.all())[0]!.body).toMatchObject({ code: 'BOB42XY' });
  });

  it('leaves the shop’s content for a visitor who has no referral code', async () => {
    document.body.innerHTML = '<div data-sarafan-product>Tell a friend!</div>';
    stubServer({ session: () => json(session()) });
    await show(panelContext({ dataset: { lang: 'en' } }));
    expect(document.querySelector('[data-sarafan-product]')!.shadowRoot).toBeNull();
  });
});

describe('inline panel events', () => {
  it('reports widget_shown once per page view, and copying the code as a share', async () => {
    document.body.innerHTML = '<div data-sarafan-panel></div>';
    stubServer({ session: () => json(session({ ambassador: ambassadorView() })) });
    const recorder = recordBeacons();
    vi.stubGlobal('navigator', { ...navigator, sendBeacon: navigator.sendBeacon, clipboard: { writeText: vi.fn().mockResolvedValue(undefined) } });
    await show(panelContext({ identity, dataset: { lang: 'en' } }));
    await show(panelContext({ identity, dataset: { lang: 'en' } }));
    byTestId(shadowOf('[data-sarafan-panel]'), 'sarafan-copy-code').click();
    await vi.waitFor(async () => expect(await events(recorder)).toHaveLength(2));
    expect(await events(recorder)).toEqual([
      { type: 'widget_shown', placement: 'inline' },
      { type: 'share', channel: 'copy_code', placement: 'inline' },
    ]);
  });

  it('reports panel_opened with placement purchase after a purchase', async () => {
    stubServer({ session: () => json(session({ ambassador: ambassadorView() })) });
    const recorder = recordBeacons();
    await show(panelContext({ identity, reason: 'purchase', orderId: 'o-1', dataset: { lang: 'en' } }));
    expect(document.querySelector('sarafan-dialog')).not.toBeNull();
    expect(await events(recorder)).toEqual([{ type: 'panel_opened', placement: 'purchase' }]);
  });
});

describe('friend offer card', () => {
  it('Escape dismisses it', async () => {
    stubServer({ session: () => json(session({ offer: aliceOffer })) });
    await show(panelContext({ referral: { code: 'ALICE7K2', clickId: 'c1' } }));
    expect(document.querySelector('sarafan-offer')).not.toBeNull();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector('sarafan-offer')).toBeNull();
  });

  it('Escape closes only the dialog while one is open', async () => {
    stubServer({ session: () => json(session({ offer: aliceOffer, ambassador: ambassadorView() })) });
    await show(panelContext({ identity, referral: { code: 'ALICE7K2', clickId: 'c1' }, reason: 'open' }));
    expect(document.querySelector('sarafan-dialog')).not.toBeNull();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(document.querySelector('sarafan-dialog')).toBeNull();
    expect(document.querySelector('sarafan-offer')).not.toBeNull();
  });

  it('sits above the launcher when the page has one', async () => {
    stubServer({ session: () => json(session({ offer: aliceOffer })) });
    await show(panelContext({ referral: { code: 'ALICE7K2', clickId: 'c1' }, dataset: { lang: 'en', launcher: 'bottom-right' } }));
    expect(document.querySelector('sarafan-offer')!.hasAttribute('data-up')).toBe(true);
  });
});
