import { hash } from 'node:crypto';
import { ipUserAgentHash } from './visitor-fingerprint.ts';

/**
 * The salted hashes that stand in for a customer's network and browser, so that no IP address is
 * ever stored. Lists, current salt first, so that matching can also try earlier salts.
 */
export class ClientHashes {
  readonly #salt: string;

  constructor(salt: string) {
    this.#salt = salt;
  }

  ipUserAgent(ip: string, userAgent: string): string[] {
    return [ipUserAgentHash(this.#salt, ip, userAgent)];
  }

  /** The network alone, for "many orders from one IP". */
  ip(ip: string): string[] {
    return [hash('sha256', `${this.#salt}\nip\n${ip}`, 'hex').slice(0, 32)];
  }
}
