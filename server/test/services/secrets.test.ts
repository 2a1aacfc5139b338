import { describe, expect, it } from 'vitest';
import { hashSecretKey, sameHash } from '../../src/services/secrets.ts';

describe('secret key hashing', () => {
  it('is sha256 hex, stable, and different per key', () => {
    expect(hashSecretKey('sk_demo_local')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecretKey('sk_demo_local')).toBe(hashSecretKey('sk_demo_local'));
    expect(hashSecretKey('sk_demo_local')).not.toBe(hashSecretKey('sk_demo_local2'));
  });

  it('compares hashes of equal length only', () => {
    const hash = hashSecretKey('a');
    expect(sameHash(hash, hash)).toBe(true);
    expect(sameHash(hash, hashSecretKey('b'))).toBe(false);
    expect(sameHash(hash, hash.slice(0, 32))).toBe(false);
    expect(sameHash('', '')).toBe(false);
  });
});
