import type { Identity } from '../panel-context.ts';

/**
 * Accepts what the shop passed to `identify` (or the script tag's dataset, where everything is a
 * string), as the loader let it through, and keeps only the fields the server verifies. Anything
 * unusable is `null`, never an exception. The signature itself is checked by the server.
 */
export function toIdentity(value: unknown): Identity | null {
  const input = Object(value) as Record<string, unknown>;
  const timestamp = Number(input.timestamp);
  if (typeof input.email != 'string' || typeof input.signature != 'string' || !(timestamp > 0)) return null;
  return {
    email: input.email,
    name: optionalString(input.name),
    customerId: optionalString(input.customerId),
    timestamp,
    signature: input.signature,
  };
}

function optionalString(value: unknown): string | undefined {
  return value == null || value === '' ? undefined : String(value);
}
