/** First-party cookies on the shop's domain; the shop's backend reads them again at checkout. */
export const YEAR_SECONDS = 31_536_000;
export const THIRTY_DAYS_SECONDS = 2_592_000;

export function readCookie(name: string): string | undefined {
  return document.cookie.match('(?:^|; )' + name + '=([^;]*)')?.[1];
}

/** A `maxAgeSeconds` of 0 deletes the cookie. */
export function writeCookie(name: string, value: string, maxAgeSeconds: number): void {
  document.cookie =
    name + '=' + value + ';path=/;max-age=' + maxAgeSeconds + ';samesite=lax' + (location.protocol == 'https:' ? ';secure' : '');
}
