/**
 * When may the tracking server set `sarafan_ref` itself? Only when the browser treats it as the
 * shop's own site, so that the cookie lands on the shop's domain and Safari does not cap it at 7
 * days like the loader's script-written cookie.
 *
 * - `pageOrigin` is the request's Origin: the shop page that sent the click.
 * - `serverHostname` is the host the browser addressed (Host, or X-Forwarded-Host behind a
 *   trusted proxy), without the port: cookies do not tell ports apart (RFC 6265, 8.5).
 *
 * The answer is the cookie's scope, or `null` (third party: the browser would drop the cookie or
 * keep it away from the shop, so none is sent):
 * - a configured cookie domain that both hosts are in (the server on a subdomain such as
 *   `sarafan.shop.example` for pages on `www.shop.example`): `Domain={it}`;
 * - else the same host (a path the shop proxies to the tracking server, e.g. `shop.example/sarafan/`):
 *   a host-only cookie, without `Domain`.
 * A `Domain` is never one the server's own host is outside of: the browser would reject it.
 */
export interface CookieScope {
  /** The `Domain` attribute, or `null` for a host-only cookie. */
  domain: string | null;
  /** The shop page is https, so the cookie is `Secure` (and it only comes back over https). */
  secure: boolean;
}

export function firstPartyCookieScope(
  pageOrigin: string | undefined,
  serverHostname: string,
  cookieDomains: readonly string[],
): CookieScope | null {
  if (!pageOrigin || !serverHostname) return null;
  let page: URL;
  try {
    page = new URL(pageOrigin);
  } catch {
    return null;
  }
  if (page.protocol !== 'http:' && page.protocol !== 'https:') return null;
  const pageHost = page.hostname.toLowerCase();
  const serverHost = serverHostname.toLowerCase();
  const secure = page.protocol === 'https:';
  const domain = cookieDomains.find((candidate) => isWithin(pageHost, candidate) && isWithin(serverHost, candidate));
  if (domain) return { domain, secure };
  return pageHost === serverHost ? { domain: null, secure } : null;
}

/** Cookie domain matching: the domain itself or any host below it. */
function isWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith('.' + domain);
}
