import type { Money } from '../../../shared/src/money.ts';
import type {
  AmbassadorResponse,
  ApiError,
  ConversionRequest,
  ConversionResponse,
  CouponResponse,
  RefundRequest,
  WebhookEndpointRequest,
  WebhookEndpointView,
} from '../../../shared/src/wire.ts';

/**
 * The shop backend's side of Sarafan's server-to-server API. Every call carries the secret key as a
 * Bearer token, so this runs on the server only; the secret never reaches a page.
 *
 * Calls have a short timeout: a checkout must not hang because the referral service is slow.
 */

/** Sarafan could not be reached, timed out, or failed (5xx): worth retrying later. */
export class SarafanUnavailableError extends Error {
  override readonly name = 'SarafanUnavailableError';
}

/** Sarafan understood the request and refused it (4xx): retrying the same request will not help. */
export class SarafanRejectedError extends Error {
  override readonly name = 'SarafanRejectedError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SarafanClientOptions {
  /** Where the shop's backend reaches the tracking server, e.g. http://localhost:8787 */
  baseUrl: string;
  secretKey: string;
  timeoutMs: number;
}

/** What a coupon look-up is about: who buys, and the order before the discount. */
export interface CouponLookup {
  buyerEmail?: string | undefined;
  order?: Money | undefined;
}

export class SarafanClient {
  readonly #baseUrl: string;
  readonly #secretKey: string;
  readonly #timeoutMs: number;

  constructor(options: SarafanClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#secretKey = options.secretKey;
    this.#timeoutMs = options.timeoutMs;
  }

  /**
   * The friend offer behind a coupon code; `null` when there is no such coupon. With the buyer's
   * e-mail and the order (before the discount), Sarafan also answers whether this buyer may use it
   * on this order (`eligible`, `reason`), and states a flat offer and its minimum order in the
   * order's currency when the program has one.
   */
  async lookupCoupon(code: string, context: CouponLookup = {}): Promise<CouponResponse | null> {
    const query = new URLSearchParams();
    if (context.buyerEmail) query.set('email', context.buyerEmail);
    if (context.order) {
      query.set('amount', String(context.order.amount));
      query.set('currency', context.order.currency);
    }
    const search = query.size > 0 ? `?${query}` : '';
    return this.#request<CouponResponse>('GET', `/v1/coupons/${encodeURIComponent(code)}${search}`, undefined, { nullOn404: true });
  }

  /** Idempotent on `orderId`: reporting an order again returns the first answer. */
  async reportConversion(conversion: ConversionRequest): Promise<ConversionResponse> {
    return this.#required(await this.#request<ConversionResponse>('POST', '/v1/conversions', conversion));
  }

  async reportRefund(orderId: string, refund: RefundRequest): Promise<ConversionResponse> {
    const path = `/v1/conversions/${encodeURIComponent(orderId)}/refunds`;
    return this.#required(await this.#request<ConversionResponse>('POST', path, refund));
  }

  /** Idempotent on the e-mail: returns the existing ambassador (and their code) or creates one. */
  async ensureAmbassador(customer: { email: string; name?: string; customerId?: string }): Promise<AmbassadorResponse> {
    return this.#required(await this.#request<AmbassadorResponse>('POST', '/v1/ambassadors', customer));
  }

  async getAmbassador(code: string): Promise<AmbassadorResponse | null> {
    return this.#request<AmbassadorResponse>('GET', `/v1/ambassadors/${encodeURIComponent(code)}`, undefined, {
      nullOn404: true,
    });
  }

  /** Idempotent on the URL: returns the endpoint with its signing secret. */
  async registerWebhook(endpoint: WebhookEndpointRequest): Promise<WebhookEndpointView> {
    return this.#required(await this.#request<WebhookEndpointView>('POST', '/v1/webhooks', endpoint));
  }

  #required<T>(value: T | null): T {
    if (value === null) throw new SarafanRejectedError(404, 'not_found', 'Sarafan answered 404');
    return value;
  }

  async #request<T>(method: 'GET' | 'POST', path: string, body?: unknown, options: { nullOn404?: boolean } = {}): Promise<T | null> {
    let response: Response;
    try {
      response = await fetch(`${this.#baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.#secretKey}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new SarafanUnavailableError(`Sarafan unreachable: ${describe(error)}`);
    }
    const payload = await readJson(response);
    if (response.status === 404 && options.nullOn404) return null;
    if (response.status >= 500) {
      throw new SarafanUnavailableError(`Sarafan answered ${response.status}`);
    }
    if (!response.ok) {
      const error = (payload as Partial<ApiError>)?.error;
      throw new SarafanRejectedError(
        response.status,
        typeof error?.code === 'string' ? error.code : `http_${response.status}`,
        typeof error?.message === 'string' ? error.message : `Sarafan answered ${response.status}`,
      );
    }
    if (payload === null || typeof payload !== 'object') throw new SarafanUnavailableError('Sarafan answered without a JSON object');
    return payload as T;
  }
}

/** A one-line reason for logs: Sarafan being away is expected, so no stack trace. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
