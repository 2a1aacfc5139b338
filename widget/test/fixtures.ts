import { vi } from 'vitest';
import type { AmbassadorView, SessionResponse } from '../../shared/src/wire.ts';
import type { PanelContext } from '../src/panel-context.ts';

export const SERVER = 'http://localhost:8787';

export const aliceOffer = {
  ambassadorName: 'Alice',
  couponCode: 'ALICE7K2',
  discount: { type: 'percent', percent: 10 },
} as const satisfies SessionResponse['offer'];

export function ambassadorView(overrides: Partial<AmbassadorView> = {}): AmbassadorView {
  return {
    code: 'BOB42XY',
    name: 'Bob',
    link: `${SERVER}/r/BOB42XY`,
    couponCode: 'BOB42XY',
    offer: { ambassadorName: 'Bob', couponCode: 'BOB42XY', discount: { type: 'percent', percent: 10 } },
    stats: { clicks: 7, friendsBought: 2 },
    rewards: [
      { amount: 1250, currency: 'USD', status: 'pending', createdAt: 1_700_000_000_000 },
      { amount: 500, currency: 'JPY', status: 'approved', createdAt: 1_700_000_100_000 },
    ],
    totals: [
      { currency: 'USD', pending: 1250, approved: 0, paid: 300 },
      { currency: 'JPY', pending: 0, approved: 500, paid: 0 },
    ],
    ...overrides,
  };
}

export function session(overrides: Partial<SessionResponse> = {}): SessionResponse {
  return { program: { id: 'demo', name: 'Demo Shop' }, offer: null, ambassador: null, widget: { texts: {}, theme: {}, leaderboard: false }, ...overrides };
}

export function panelContext(overrides: Partial<PanelContext> = {}): PanelContext {
  return {
    server: SERVER,
    programId: 'demo',
    visitorId: 'visitor_1',
    referral: null,
    identity: null,
    dataset: { lang: 'en-US' },
    orderId: undefined,
    reason: 'inline',
    ...overrides,
  };
}

export const identity = {
  email: 'bob@example.com',
  name: 'Bob',
  timestamp: 1_700_000_000_000,
  signature: 'a'.repeat(64),
};

export interface RecordedRequest {
  url: string;
  init: RequestInit | undefined;
  body: unknown;
}

type Answer = (body: unknown) => Response | Promise<Response>;

/**
 * Replaces `fetch` with a stand-in for the tracking server's browser API, answering by path.
 * The real server is exercised by the end-to-end tests; here we check what the widget sends
 * and how it renders the answers.
 */
export function stubServer(answers: { clicks?: Answer; session?: Answer; forget?: Answer }): RecordedRequest[] {
  const requests: RecordedRequest[] = [];
  // Widget events go by beacon; tests that look at them call `recordBeacons`.
  if (!vi.isMockFunction(navigator.sendBeacon)) vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string | URL, init?: RequestInit) => {
      const url = String(input);
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      requests.push({ url, init, body });
      const path = url.slice(url.indexOf('/v1/widget/') + '/v1/widget/'.length);
      const answer = path === 'clicks' ? answers.clicks : path === 'session' ? answers.session : path === 'forget' ? answers.forget : undefined;
      if (!answer) throw new TypeError('Failed to fetch');
      return answer(body);
    }),
  );
  return requests;
}

export function json(value: unknown, status = 200): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
}

/** The shadow root of the first element matching `selector` in the light DOM. */
export function shadowOf(selector: string): ShadowRoot {
  const root = document.querySelector(selector)?.shadowRoot;
  if (!root) throw new Error(`no shadow root on ${selector}`);
  return root;
}

export function byTestId<T extends Element = HTMLElement>(root: ParentNode, testId: string): T {
  const element = root.querySelector<T>(`[data-testid="${testId}"]`);
  if (!element) throw new Error(`no element with data-testid=${testId}`);
  return element;
}

export function clearCookies(): void {
  for (const pair of document.cookie.split('; ')) {
    const name = pair.split('=')[0];
    if (name) document.cookie = `${name}=;path=/;max-age=-1`;
  }
}

/** The stylesheet a shadow root adopted, as the browser parsed it (`prop: value;` with spaces). */
export function adoptedCss(root: ShadowRoot): string {
  return root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
}

export interface RecordedBeacon {
  url: string;
  type: string;
  body: unknown;
}

/** Replaces `navigator.sendBeacon`, records what the widget sends (a `text/plain` JSON blob). */
export function recordBeacons(accept = true): { beacons: Promise<RecordedBeacon[]>[]; all(): Promise<RecordedBeacon[]> } {
  const beacons: Promise<RecordedBeacon[]>[] = [];
  vi.spyOn(navigator, 'sendBeacon').mockImplementation((url: string | URL, data?: BodyInit | null) => {
    const blob = data as Blob;
    beacons.push(blob.text().then((text) => [{ url: String(url), type: blob.type, body: JSON.parse(text) }]));
    return accept;
  });
  return { beacons, all: async () => (await Promise.all(beacons)).flat() };
}
