import { signIdentity } from '../../../shared/src/identity-signature.ts';
import type { Customer } from '../store.ts';

/** The arguments of `sarafan('identify', …)`: who the customer is, vouched for by the shop. */
export interface IdentifyArgs {
  email: string;
  name?: string;
  customerId: string;
  timestamp: number;
  signature: string;
}

/**
 * Signs "this page belongs to this customer" for the widget. The secret key stays here on the
 * server; only the signature goes into the page. Sign at render time: Sarafan accepts a signature
 * for a limited time (a day), so a cached page would eventually stop identifying the customer.
 */
export function identifyArgsFor(
  customer: Customer,
  program: { programId: string; secretKey: string },
  now: number,
): IdentifyArgs {
  const customerId = String(customer.id);
  const signature = signIdentity(program.secretKey, {
    programId: program.programId,
    email: customer.email,
    customerId,
    timestamp: now,
  });
  return {
    email: customer.email,
    ...(customer.name ? { name: customer.name } : {}),
    customerId,
    timestamp: now,
    signature,
  };
}
