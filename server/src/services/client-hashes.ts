import type { Clock } from '../clock.ts';
import { isPublicAddress } from '../domain/public-address.ts';
import { IpUserAgentHasher } from './visitor-fingerprint.ts';

/**
 * The salted hashes that stand in for a customer's network and browser in the fraud rules, so
 * that no IP address is ever stored. Each comes as a list, today's salt first, so that matching
 * also finds what was stored under yesterday's salt. The list is empty for an address that is not
 * public (`isPublicAddress`): behind an untrusted proxy every customer would look like one.
 */
export class ClientHashes {
  readonly #hasher: IpUserAgentHasher;
  readonly #clock: Clock;

  constructor(secret: string, clock: Clock) {
    this.#hasher = new IpUserAgentHasher(secret);
    this.#clock = clock;
  }

  ipUserAgent(ip: string, userAgent: string): string[] {
    if (!isPublicAddress(ip)) return [];
    const { current, previous } = this.#hasher.hashes(ip, userAgent, this.#clock());
    return [current, previous];
  }

  /** The network alone, for "many orders from one IP": the hash with an empty user agent. It is
   * stored in its own column and never compared with IP + user-agent hashes. */
  ip(ip: string): string[] {
    return this.ipUserAgent(ip, '');
  }
}
