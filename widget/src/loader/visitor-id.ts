/**
 * A random visitor id: four random 32-bit numbers in base 36 (128 bits, up to 28 characters of
 * `[0-9a-z]`, within the cookie's `[A-Za-z0-9_-]{1,64}`). `crypto.randomUUID` would be shorter
 * still, but exists only on https pages.
 */
export function randomVisitorId(): string {
  return Array.from(crypto.getRandomValues(new Uint32Array(4)), (part) => part.toString(36)).join('');
}
