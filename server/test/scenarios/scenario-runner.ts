import { signIdentity } from '../../../shared/src/identity-signature.ts';
import type { ConversionResponse, LedgerBalance, OrderStatus } from '../../../shared/src/wire.ts';
import { saveProgram, type ProgramSettings } from '../../src/services/programs.ts';
import { BROWSER_UA, createTestApp, DAY, DEMO, type TestApp } from '../helpers/test-app.ts';

/**
 * Short stories told through the HTTP API with a moved clock: people click, identify and buy,
 * the shop refunds and changes order status, the owner reviews and time passes. Each story ends
 * with what the orders, rewards and balances should be.
 */

export const AMBASSADORS = {
  alice: { email: 'alice.smith@gmail.com', customerId: 'cus_alice' },
  bob: { email: 'bob@example.com', customerId: 'cus_bob' },
} as const;
export type Who = keyof typeof AMBASSADORS;

export interface Client {
  ip?: string;
  ua?: string;
}

export type Step =
  /** The widget reports a click from `visitor`'s browser (the cookie then holds it: last click wins). */
  | { click: Who; visitor: string; referrer?: string } & Client
  /** The short link `/r/{code}` followed by the landing page's widget claiming the click. */
  | { link: Who; visitor: string; method?: 'GET' | 'HEAD' } & Client
  /** The shop identifies `email` to the widget in `visitor`'s browser (with that browser's referral). */
  | { identify: string; visitor: string; customerId?: string } & Client
  | { order: string } & Order
  /** The same order sent `times` times at once. */
  | { concurrentOrders: number } & Order & { order: string }
  | { refund: string; amount?: number; refundId?: string }
  | { status: string; to: OrderStatus; expectCode?: number }
  | { review: string; decision: 'approve' | 'reject' | 'paid'; note?: string }
  | { advanceDays: number }
  /** The owner sets an ambassador's VIP tier or split choice. */
  | { choose: Who; tier?: string | null; friendSharePercent?: number | null }
  | { approveDue: true };

export interface Order extends Client {
  amount?: number;
  email?: string;
  customerId?: string;
  /** Send the cookie of this browser (its last click), and its visitor id. */
  visitor?: string;
  /** Send only the visitor id (the shop read `sarafan_vid` but no `sarafan_ref`). */
  visitorIdOnly?: string;
  coupon?: Who | string;
  items?: Array<{ sku: string; category?: string; amount: number; quantity: number }>;
}

export interface OrderExpectation {
  attributed: boolean;
  to?: Who;
  via?: ConversionResponse['attributedVia'];
  reason?: ConversionResponse['reason'];
  /** null: no reward at all. */
  reward?: { status: string; amount?: number; reasons?: string[] } | null;
  /** Milestone bonuses the order unlocked (absent: not checked). */
  bonuses?: Array<{ milestone: number; status: string; amount: number }>;
  friendShare?: number;
}

export interface Scenario {
  name: string;
  settings?: Partial<Omit<ProgramSettings, 'id' | 'name' | 'secretKey' | 'landingUrl' | 'allowedOrigins'>>;
  steps: Step[];
  expect: {
    orders?: Record<string, OrderExpectation>;
    /** Counted clicks per ambassador. */
    clicks?: Partial<Record<Who, number>>;
    /** EUR balances from the ledger; absent buckets are expected to be 0. */
    balances?: Partial<Record<Who, Partial<Omit<LedgerBalance, 'currency'>>>>;
    conversions?: number;
    rewards?: number;
  };
}

export class ScenarioRunner {
  readonly t: TestApp;
  readonly codes = new Map<Who, string>();
  /** What each browser's `sarafan_ref` cookie holds. */
  readonly cookies = new Map<string, { code: string; clickId: string }>();
  readonly orders = new Map<string, ConversionResponse>();

  private constructor(t: TestApp) {
    this.t = t;
  }

  static async start(scenario: Scenario): Promise<ScenarioRunner> {
    const t = await createTestApp();
    if (scenario.settings) {
      await saveProgram(
        t.store,
        {
          id: 'demo',
          name: 'Sarafan demo shop',
          secretKey: DEMO.secretKey,
          landingUrl: DEMO.shopUrl,
          allowedOrigins: [DEMO.shopUrl],
          ...scenario.settings,
        },
        t.clock.now,
      );
    }
    const runner = new ScenarioRunner(t);
    for (const [who, person] of Object.entries(AMBASSADORS) as Array<[Who, (typeof AMBASSADORS)[Who]]>) {
      runner.codes.set(who, await t.ambassador(person.email, { customerId: person.customerId }));
    }
    return runner;
  }

  code(who: Who | string): string {
    return this.codes.get(who as Who) ?? who;
  }

  async run(steps: Step[]): Promise<void> {
    for (const step of steps) await this.#step(step);
  }

  async #step(step: Step): Promise<void> {
    const t = this.t;
    if ('click' in step) {
      const code = this.code(step.click);
      const response = await t.inject({
        method: 'POST',
        url: '/v1/widget/clicks',
        headers: { origin: DEMO.origin, 'user-agent': step.ua ?? BROWSER_UA },
        remoteAddress: step.ip ?? '203.0.113.10',
        payload: { programId: 'demo', code, visitorId: step.visitor, ...(step.referrer ? { referrer: step.referrer } : {}) },
      });
      expectStatus(response.statusCode, 200, response.body);
      this.cookies.set(step.visitor, { code, clickId: response.json().clickId });
    } else if ('link' in step) {
      const code = this.code(step.link);
      const redirect = await t.inject({
        method: step.method ?? 'GET',
        url: `/r/${code}`,
        headers: { 'user-agent': step.ua ?? BROWSER_UA },
        remoteAddress: step.ip ?? '203.0.113.10',
      });
      // Bots and preview fetchers get a preview card (HEAD: its headers) and no click.
      if (redirect.statusCode === 200) return;
      expectStatus(redirect.statusCode, 302, redirect.body);
      const landing = new URL(String(redirect.headers.location));
      const clickId = landing.searchParams.get('sarafan_click');
      // A redirect without a click id (no user agent) is not followed by a counted visit either.
      if (clickId === null) return;
      const claim = await t.inject({
        method: 'POST',
        url: '/v1/widget/clicks',
        headers: { origin: DEMO.origin, 'user-agent': step.ua ?? BROWSER_UA },
        remoteAddress: step.ip ?? '203.0.113.10',
        payload: { programId: 'demo', code, visitorId: step.visitor, clickId },
      });
      this.cookies.set(step.visitor, { code, clickId: claim.json().clickId });
    } else if ('identify' in step) {
      const timestamp = t.clock.now;
      const identity = { programId: 'demo', email: step.identify, customerId: step.customerId, timestamp };
      const cookie = this.cookies.get(step.visitor);
      const response = await t.inject({
        method: 'POST',
        url: '/v1/widget/session',
        headers: { origin: DEMO.origin, 'user-agent': step.ua ?? BROWSER_UA },
        remoteAddress: step.ip ?? '203.0.113.10',
        payload: {
          programId: 'demo',
          visitorId: step.visitor,
          identity: {
            email: step.identify,
            ...(step.customerId ? { customerId: step.customerId } : {}),
            timestamp,
            signature: signIdentity(DEMO.secretKey, identity),
          },
          ...(cookie ? { referral: cookie } : {}),
        },
      });
      expectStatus(response.statusCode, 200, response.body);
    } else if ('concurrentOrders' in step) {
      const answers = await Promise.all(Array.from({ length: step.concurrentOrders }, () => this.#order(step)));
      if (new Set(answers.map((answer) => JSON.stringify(answer))).size !== 1) throw new Error('concurrent duplicates answered differently');
    } else if ('order' in step) {
      await this.#order(step);
    } else if ('refund' in step) {
      const response = await t.api('POST', `/v1/conversions/${step.refund}/refunds`, {
        ...(step.amount ? { amount: step.amount } : {}),
        ...(step.refundId ? { refundId: step.refundId } : {}),
      });
      expectStatus(response.statusCode, 200, response.body);
      this.orders.set(step.refund, response.json());
    } else if ('status' in step) {
      const response = await t.api('POST', `/v1/conversions/${step.status}/status`, { status: step.to });
      expectStatus(response.statusCode, step.expectCode ?? 200, response.body);
    } else if ('review' in step) {
      const rewardId = this.orders.get(step.review)?.reward?.id;
      if (!rewardId) throw new Error(`order ${step.review} has no reward to review`);
      const response = await t.api('POST', `/v1/rewards/${rewardId}/${step.decision}`, step.note ? { note: step.note } : {});
      expectStatus(response.statusCode, 200, response.body);
    } else if ('choose' in step) {
      const { choose, ...choices } = step;
      const response = await t.api('PUT', `/v1/ambassadors/${this.code(choose)}/reward-choices`, choices);
      expectStatus(response.statusCode, 200, response.body);
    } else if ('advanceDays' in step) {
      t.clock.advance(step.advanceDays * DAY);
    } else {
      const response = await t.api('POST', '/v1/rewards/approve-due');
      expectStatus(response.statusCode, 200, response.body);
    }
  }

  async #order(step: { order: string } & Order): Promise<ConversionResponse> {
    const cookie = step.visitor ? this.cookies.get(step.visitor) : undefined;
    const visitorId = step.visitor ?? step.visitorIdOnly;
    const response = await this.t.api('POST', '/v1/conversions', {
      orderId: step.order,
      amount: step.amount ?? 10_000,
      currency: 'EUR',
      ...(step.email || step.customerId
        ? { customer: { ...(step.email ? { email: step.email } : {}), ...(step.customerId ? { id: step.customerId } : {}) } }
        : {}),
      ...(cookie || visitorId ? { referral: { ...cookie, ...(visitorId ? { visitorId } : {}) } } : {}),
      ...(step.coupon ? { couponCode: this.code(step.coupon) } : {}),
      ...(step.ip ? { client: { ip: step.ip, userAgent: step.ua ?? BROWSER_UA } } : {}),
      ...(step.items ? { items: step.items } : {}),
    });
    if (response.statusCode !== 200 && response.statusCode !== 201) throw new Error(`order ${step.order}: ${response.body}`);
    const answer = response.json<ConversionResponse>();
    this.orders.set(step.order, answer);
    return answer;
  }

  /** The order as the API tells it now (a repeat of the same order id returns its current state). */
  async order(orderId: string): Promise<ConversionResponse> {
    const known = this.orders.get(orderId);
    if (!known) throw new Error(`no order ${orderId} in this story`);
    const response = await this.t.api('POST', '/v1/conversions', { orderId, amount: known.amount, currency: known.currency });
    return response.json<ConversionResponse>();
  }

  async balances(who: Who): Promise<Omit<LedgerBalance, 'currency'>> {
    const ledger = (await this.t.api('GET', `/v1/ambassadors/${this.code(who)}/ledger`)).json<{ balances: LedgerBalance[] }>();
    const eur = ledger.balances.find((balance) => balance.currency === 'EUR');
    return { held: eur?.held ?? 0, pending: eur?.pending ?? 0, approved: eur?.approved ?? 0, paid: eur?.paid ?? 0 };
  }

  async clicks(who: Who): Promise<number> {
    return (await this.t.api('GET', `/v1/ambassadors/${this.code(who)}`)).json<{ clicks: number }>().clicks;
  }
}

function expectStatus(actual: number, expected: number, body: string): void {
  if (actual !== expected) throw new Error(`expected HTTP ${expected}, got ${actual}: ${body}`);
}
