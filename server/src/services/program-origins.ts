import { allowedOriginsOf } from '../domain/origins.ts';
import { InvalidOriginError, ProgramNotFoundError } from '../errors.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { CachedLookups } from './cached-lookups.ts';
import type { ServiceContext } from './service-context.ts';

/** The page origins whose pages may call the browser API for the program, as the owner sets them. */
export class ProgramOriginsService {
  readonly #context: ServiceContext;
  readonly #lookups: CachedLookups;

  constructor(context: ServiceContext, lookups: CachedLookups) {
    this.#context = context;
    this.#lookups = lookups;
  }

  /** Replaces the whole list, or, when one entry is not an http(s) URL, changes nothing. */
  async replace(program: ProgramRecord, urls: readonly string[]): Promise<string[]> {
    const result = allowedOriginsOf(urls);
    if ('invalid' in result) {
      throw new InvalidOriginError(`allowedOrigins: "${result.invalid.slice(0, 100)}" is not an http(s) URL, such as https://shop.example.`);
    }
    if (!(await this.#context.store.setAllowedOrigins(program.id, result.origins))) throw new ProgramNotFoundError();
    // The browser API reads programs and origins through a short cache: this process applies the
    // change now (other instances within the cache's few seconds).
    this.#lookups.clear();
    return result.origins;
  }
}
