/** Keeps the cookies a shop sets across `app.inject` calls, like a browser would (no expiry maths). */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  set(name: string, value: string): this {
    this.#cookies.set(name, value);
    return this;
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  /** Applies the Set-Cookie headers of a response; `Max-Age=0` deletes. */
  update(setCookie: string | string[] | number | undefined): this {
    const headers = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [String(setCookie)];
    for (const header of headers) {
      const [pair = ''] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      if (/;\s*Max-Age=0/i.test(header)) this.#cookies.delete(name);
      else this.#cookies.set(name, pair.slice(eq + 1).trim());
    }
    return this;
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
