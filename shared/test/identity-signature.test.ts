import { describe, expect, it } from 'vitest';
import { identityKey, signIdentity, verifyIdentitySignature } from '../src/identity-signature.ts';

const identity = { programId: 'demo', email: 'alice@example.com', timestamp: 1_700_000_000_000 };

describe('identity signature', () => {
  it('verifies with the derived key only', () => {
    const signature = signIdentity('sk_test', identity);
    expect(verifyIdentitySignature(identityKey('sk_test'), identity, signature)).toBe(true);
  });

  it('fails for another secret, another field or garbage', () => {
    const signature = signIdentity('sk_test', identity);
    expect(verifyIdentitySignature(identityKey('sk_other'), identity, signature)).toBe(false);
    expect(verifyIdentitySignature(identityKey('sk_test'), { ...identity, email: 'eve@example.com' }, signature)).toBe(false);
    expect(verifyIdentitySignature(identityKey('sk_test'), identity, 'not-hex')).toBe(false);
    expect(verifyIdentitySignature(identityKey('sk_test'), identity, '')).toBe(false);
  });
});
