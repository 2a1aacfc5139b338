import { hash } from 'node:crypto';

/**
 * A short-link click has no visitor id yet (the cookie lives on the shop's domain), so repeats
 * are recognised by IP + user agent. Salted and hashed so the database never holds IP addresses;
 * 128 bits is plenty to tell browsers apart.
 */
export function ipUserAgentHash(salt: string, ip: string, userAgent: string): string {
  // One-shot `hash` (Node >= 20.12): no Hash object per click.
  return hash('sha256', `${salt}\n${ip}\n${userAgent}`, 'hex').slice(0, 32);
}
