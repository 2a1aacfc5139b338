import { createHmac, hash } from 'node:crypto';
import { DAY_MS } from './programs.ts';

/**
 * A short-link click has no visitor id yet (the cookie lives on the shop's domain), so repeats
 * are recognised by IP + user agent. Salted and hashed so the database never holds IP addresses;
 * 128 bits is plenty to tell browsers apart.
 */
export function ipUserAgentHash(salt: string, ip: string, userAgent: string): string {
  // One-shot `hash` (Node >= 20.12): no Hash object per click.
  return hash('sha256', `${salt}\n${ip}\n${userAgent}`, 'hex').slice(0, 32);
}

/** How long one salt is used. Matching checks this period and the previous one. */
export const SALT_PERIOD_MS = DAY_MS;

/**
 * The salt of one period, derived from the configured secret (`SARAFAN_IP_SALT`), so that every
 * instance and every restart agree on it without storing it.
 */
export function periodSalt(secret: string, period: number): string {
  return createHmac('sha256', secret).update(`sarafan-ip-ua-salt\n${period}`).digest('hex');
}

export interface IpUserAgentHashes {
  /** Under this period's salt: the one stored with a click. */
  current: string;
  /** Under the previous period's salt: matched, so a rotation does not split a dedup window. */
  previous: string;
}

/**
 * IP + user-agent hashes under a salt that rotates every `periodMs` (a day), by the injected
 * clock. The database alone cannot link one browser's clicks of different days. A window that
 * spans a rotation still matches because the previous period's hash is checked too: matching
 * reaches back at least one whole period (the deduplication window is an hour).
 */
export class IpUserAgentHasher {
  readonly #secret: string;
  readonly #periodMs: number;
  /** The two salts in use: derived once per period, not per click. */
  #salts: { period: number; current: string; previous: string } | null = null;

  constructor(secret: string, periodMs = SALT_PERIOD_MS) {
    this.#secret = secret;
    this.#periodMs = periodMs;
  }

  hashes(ip: string, userAgent: string, at: number): IpUserAgentHashes {
    const salts = this.#saltsAt(Math.floor(at / this.#periodMs));
    return {
      current: ipUserAgentHash(salts.current, ip, userAgent),
      previous: ipUserAgentHash(salts.previous, ip, userAgent),
    };
  }

  #saltsAt(period: number): { current: string; previous: string } {
    if (this.#salts?.period !== period) {
      this.#salts = { period, current: periodSalt(this.#secret, period), previous: periodSalt(this.#secret, period - 1) };
    }
    return this.#salts;
  }
}
