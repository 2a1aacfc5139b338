import { createRequire } from 'node:module';
import { isbot } from 'isbot';
import type { ClientDetails, DeviceType } from '../store/records.ts';

/** The part of ua-parser-js 1.x used here. The 1.x line is MIT (2.x is AGPL) and ships no types. */
interface UAParserResult {
  browser: { name?: string };
  os: { name?: string };
  device: { type?: string };
}
const UAParser = createRequire(import.meta.url)('ua-parser-js') as new (userAgent: string) => { getResult(): UAParserResult };

/** ua-parser-js reads no further than this, so longer strings with the same start are the same entry. */
const MAX_USER_AGENT_LENGTH = 500;
/** Browsers in the wild share a few thousand user agents; random ones (an attacker's) only evict. */
export const USER_AGENT_CACHE_SIZE = 2_000;

/** What a user agent says: whether it is a bot or link-preview fetcher, and what it runs on. */
export interface UserAgentFacts {
  bot: boolean;
  details: ClientDetails;
}

/**
 * What user agents say, cached by user agent. Parsing takes about 100 µs and the bot check
 * about 7 µs, more than the rest of counting a click, while real traffic repeats the same few
 * strings. The cache is bounded (oldest entry out first).
 */
export class UserAgents {
  readonly #cache = new Map<string, UserAgentFacts>();
  readonly #maxEntries: number;

  constructor(maxEntries = USER_AGENT_CACHE_SIZE) {
    this.#maxEntries = maxEntries;
  }

  of(userAgent: string): UserAgentFacts {
    const key = userAgent.slice(0, MAX_USER_AGENT_LENGTH);
    const hit = this.#cache.get(key);
    if (hit) return hit;
    const facts = { bot: isbot(key), details: parseUserAgent(key) };
    if (this.#cache.size >= this.#maxEntries) this.#cache.delete(this.#cache.keys().next().value as string);
    this.#cache.set(key, facts);
    return facts;
  }

  get size(): number {
    return this.#cache.size;
  }
}

/** Browser, OS and device type, for the owner's statistics. */
export function parseUserAgent(userAgent: string): ClientDetails {
  const { browser, os, device } = new UAParser(userAgent).getResult();
  const browserName = browser.name ?? null;
  const osName = os.name ?? null;
  return { browser: browserName, os: osName, deviceType: deviceType(device.type, browserName !== null || osName !== null) };
}

/** ua-parser-js names only the special devices; a recognised browser or OS without one is a computer. */
function deviceType(type: string | undefined, recognised: boolean): DeviceType {
  if (type === 'mobile' || type === 'tablet') return type;
  if (type === undefined && recognised) return 'desktop';
  // Consoles, TVs, wearables, embedded, and user agents that name nothing.
  return 'other';
}
