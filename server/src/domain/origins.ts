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
 * The same origin under its other loopback name: a developer opens the demo shop as localhost or
 * as 127.0.0.1 and both must work. Other hosts have no alias.
 */
export function withLoopbackAlias(origin: string): string[] {
  const url = new URL(origin);
  if (url.hostname === 'localhost') return [origin, origin.replace('//localhost', '//127.0.0.1')];
  if (url.hostname === '127.0.0.1') return [origin, origin.replace('//127.0.0.1', '//localhost')];
  return [origin];
}
