import { canonicalCode, isReferralCode } from '../../../shared/src/referral-code.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { TtlCache } from './ttl-cache.ts';

/** How long a program, origin or code lookup is reused: changes to a program apply within this. */
export const LOOKUP_TTL_MS = 5_000;

/**
 * The reads on the browser API's hot path (every click asks for its program, its origin and its
 * code), cached for a few seconds. Each one is a separate read transaction in SQLite, which on a
 * WAL database costs more than the lookup itself.
 */
export class CachedLookups {
  readonly #store: Store;
  readonly #programs: TtlCache<string, ProgramRecord | null>;
  readonly #origins: TtlCache<string, boolean>;
  readonly #codes: TtlCache<string, AmbassadorRecord | null>;

  constructor(store: Store, ttlMs = LOOKUP_TTL_MS) {
    this.#store = store;
    this.#programs = new TtlCache({ ttlMs, maxEntries: 1_000 });
    this.#origins = new TtlCache({ ttlMs, maxEntries: 1_000 });
    // Unknown codes are not remembered: a code can be created a moment after someone mistyped it.
    this.#codes = new TtlCache({ ttlMs, maxEntries: 10_000, keep: (ambassador) => ambassador !== null });
  }

  program(id: string): Promise<ProgramRecord | null> {
    return this.#programs.get(id, (key) => this.#store.getProgram(key));
  }

  isOriginAllowedByAnyProgram(origin: string): Promise<boolean> {
    return this.#origins.get(origin, (key) => this.#store.isOriginAllowedByAnyProgram(key));
  }

  /** The ambassador of a code in this program, for counting clicks (id and program only are relied on). */
  async ambassadorForClick(program: ProgramRecord, code: string): Promise<AmbassadorRecord | null> {
    const ambassador = await this.ambassadorForLink(code);
    return ambassador && ambassador.programId === program.id ? ambassador : null;
  }

  /** The ambassador of a code in any program: a short link names no program (codes are unique). */
  async ambassadorForLink(code: string): Promise<AmbassadorRecord | null> {
    const canonical = canonicalCode(code);
    if (!isReferralCode(canonical)) return null;
    return this.#codes.get(canonical, (key) => this.#store.findAmbassadorByCode(key));
  }

  /** Forget everything, e.g. after changing a program in this process. */
  clear(): void {
    this.#programs.clear();
    this.#origins.clear();
    this.#codes.clear();
  }
}
