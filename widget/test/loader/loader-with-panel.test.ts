import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionRequest } from '../../../shared/src/wire.ts';
import { startLoader } from '../../src/loader/start-loader.ts';
import type { PanelModule } from '../../src/panel-context.ts';
import { resetPanel } from '../../src/panel/show-panel.ts';
import { SERVER, aliceOffer, ambassadorView, byTestId, clearCookies, identity, json, session, shadowOf, stubServer } from '../fixtures.ts';

// The loader with the real panel module (from source instead of the built, hashed chunk).
const importPanel = vi.fn(async (_url: string): Promise<PanelModule> => import('../../src/panel/main.ts'));

function widgetScript(): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = `${SERVER}/widget.js`;
  script.dataset.program = 'demo';
  return script;
}

beforeEach(() => {
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
  delete (window as { sarafan?: unknown }).sarafan;
  document.body.innerHTML = '';
  history.replaceState(null, '', '/');
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

afterEach(async () => {
  await resetPanel();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('loader and panel together', () => {
  it('a friend landing from a short link sees the friend offer', async () => {
    history.replaceState(null, '', '/?ref=ALICE7K2&sarafan_click=clk_9');
    const requests = stubServer({
      clicks: () => json({ clickId: 'clk_9', counted: false }),
      session: (body) => json(session({ offer: (body as SessionRequest).referral ? aliceOffer : null })),
    });

    startLoader(widgetScript(), importPanel);

    await vi.waitFor(() => expect(document.querySelector('sarafan-offer')).not.toBeNull());
    const root = shadowOf('sarafan-offer');
    expect(byTestId(root, 'sarafan-offer').textContent).toContain('Alice gives you 10% off');
    expect(byTestId(root, 'sarafan-offer-code').textContent).toBe('ALICE7K2');
    const sessionRequest = requests.find((request) => request.url.endsWith('/session'));
    expect(sessionRequest?.body).toMatchObject({ referral: { code: 'ALICE7K2', clickId: 'clk_9' } });
  });

  it('with consent required, the friend sees the offer and its coupon code before any cookie or click', async () => {
    history.replaceState(null, '', '/?ref=ALICE7K2');
    const requests = stubServer({ session: () => json(session({ offer: aliceOffer })) });
    const script = widgetScript();
    script.dataset.consent = 'required';

    startLoader(script, importPanel);

    await vi.waitFor(() => expect(document.querySelector('sarafan-offer')).not.toBeNull());
    expect(byTestId(shadowOf('sarafan-offer'), 'sarafan-offer-code').textContent).toBe('ALICE7K2');
    expect(requests.map((request) => request.url)).toEqual([`${SERVER}/v1/widget/session`]);
    expect(requests[0]?.body).toMatchObject({ referral: { code: 'ALICE7K2' } });
    expect(document.cookie).toBe('');
  });

  it('identify and purchase queued in the stub open the ambassador dialog', async () => {
    stubServer({ session: () => json(session({ ambassador: ambassadorView() })) });
    const queued = Object.assign(() => {}, { q: [] as unknown[][] });
    queued.q.push(['identify', identity], ['purchase', { orderId: 'o-1', amount: 5000, currency: 'USD' }]);
    (window as { sarafan?: unknown }).sarafan = queued;

    startLoader(widgetScript(), importPanel);

    await vi.waitFor(() => expect(document.querySelector('sarafan-dialog')).not.toBeNull());
    const root = shadowOf('sarafan-dialog');
    expect(byTestId<HTMLInputElement>(root, 'sarafan-referral-link').value).toBe(`${SERVER}/r/BOB42XY`);
    expect(importPanel).toHaveBeenCalledWith(`${SERVER}/widget/panel.js`);
  });
});
