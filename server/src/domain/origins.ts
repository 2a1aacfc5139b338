/** `scheme://host[:port]` of a URL, as browsers send it in the Origin header; null if not http(s). */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The allowed origins a list of URLs stands for: each one's origin plus its loopback alias, sorted
 * and without repeats. `invalid` is the first entry that is not an http(s) URL.
 */
export function allowedOriginsOf(urls: readonly string[]): { origins: string[] } | { invalid: string } {
  const origins = new Set<string>();
  for (const url of urls) {
    const origin = originOf(url);
    if (!origin) return { invalid: url };
    for (const alias of withLoopbackAlias(origin)) origins.add(alias);
  }
  return { origins: [...origins].sort() };
}

/**
 * The same origin under its other loopback name: a developer opens the demo shop as localhost or
 * as 127.0.0.1 and both must work. Other hosts have no alias.
 */
export function withLoopbackAlias(origin: string): string[] {
  const url = new URL(origin);
  if (url.hostname === 'localhost') return [origin, origin.replace('//localhost', '//127.0.0.1')];
  if (url.hostname === '127.0.0.1') return [origin, origin.replace('//127.0.0.1', '//localhost')];
  return [origin];
}
