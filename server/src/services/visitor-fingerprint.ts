import { createHash } from 'node:crypto';

/**
 * A short-link click has no visitor id yet (the cookie lives on the shop's domain), so repeats
 * are recognised by IP + user agent. Salted and hashed so the database never holds IP addresses;
 * 128 bits is plenty to tell browsers apart.
 */
export function ipUserAgentHash(salt: string, ip: string, userAgent: string): string {
  return createHash('sha256').update(`${salt}\n${ip}\n${userAgent}`, 'utf8').digest('hex').slice(0, 32);
}
