import { describe, expect, it } from 'vitest';
import { identityKey, verifyIdentitySignature } from '../../../shared/src/identity-signature.ts';
import { identifyArgsFor } from '../../src/sarafan/identity.ts';

const customer = { id: 7, email: 'ann@example.com', name: 'Ann', ambassadorCode: null, createdAt: 0 };

describe('identifyArgsFor', () => {
  it('produces a signature that Sarafan verifies with the derived key only', () => {
    const args = identifyArgsFor(customer, { programId: 'demo', secretKey: 'sk_demo_local' }, 1234);
    expect(args).toMatchObject({ email: 'ann@example.com', name: 'Ann', customerId: '7', timestamp: 1234 });
    const identity = { programId: 'demo', email: args.email, customerId: args.customerId, timestamp: args.timestamp };
    expect(verifyIdentitySignature(identityKey('sk_demo_local'), identity, args.signature)).toBe(true);
    expect(verifyIdentitySignature(identityKey('sk_other'), identity, args.signature)).toBe(false);
    expect(verifyIdentitySignature(identityKey('sk_demo_local'), { ...identity, customerId: '8' }, args.signature)).toBe(false);
  });

  it('never puts the secret in the arguments and leaves out an empty name', () => {
    const args = identifyArgsFor({ ...customer, name: null }, { programId: 'demo', secretKey: 'sk_demo_local' }, 1);
    expect(JSON.stringify(args)).not.toContain('sk_demo_local');
    expect('name' in args).toBe(false);
  });
});
