import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * "Signed in" in the demo shop: a cookie naming the customer, with an HMAC so it cannot be edited
 * into someone else's id. There are no passwords; it is a demo, and the pages say so.
 *
 * Value: `{customerId}.{issuedAt}.{mac}`, mac = base64url HMAC-SHA256 over the first two parts.
 */
export const CUSTOMER_COOKIE = 'shop_customer';
export const SESSION_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const VALUE_PATTERN = /^(\d{1,12})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

export class CustomerSessions {
  readonly #secret: string;
  readonly #now: () => number;

  constructor(secret: string, now: () => number) {
    if (secret.length < 16) throw new Error('The session secret must be at least 16 characters.');
    this.#secret = secret;
    this.#now = now;
  }

  issue(customerId: number): string {
    const payload = `${customerId}.${this.#now()}`;
    return `${payload}.${this.#mac(payload)}`;
  }

  /** The customer id in a valid, unexpired cookie value; `null` for anything else. */
  verify(value: string | undefined): number | null {
    const match = value ? VALUE_PATTERN.exec(value) : null;
    if (!match) return null;
    const [, idText = '', issuedText = '', mac = ''] = match;
    const expected = Buffer.from(this.#mac(`${idText}.${issuedText}`));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const age = this.#now() - Number(issuedText);
    // A cookie from the future means a forged or replayed value, or a badly wrong clock: refuse.
    if (age < -60_000 || age > SESSION_MAX_AGE_MS) return null;
    return Number(idText);
  }

  #mac(payload: string): string {
    return createHmac('sha256', this.#secret).update(`shop-customer:${payload}`).digest('base64url');
  }
}
