import type { IdentityInput } from '../panel-context.ts';

/**
 * Tells a usable `identify` (or script tag dataset, where everything is a string) from a mistake
 * at once, so the shop hears about it where it called. Only this much runs on every page: the
 * panel keeps the fields the server verifies (`panel/identity.ts`), the server checks the signature.
 */
export function isIdentityInput(value: unknown): value is IdentityInput {
  const input = Object(value);
  return typeof input.email == 'string' && typeof input.signature == 'string' && input.timestamp > 0;
}
