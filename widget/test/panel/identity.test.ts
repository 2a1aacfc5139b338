import { describe, expect, it } from 'vitest';
import { toIdentity } from '../../src/panel/identity.ts';

describe('toIdentity', () => {
  it('keeps the fields the server verifies, from an identify call', () => {
    const signature = 'a'.repeat(64);
    expect(toIdentity({ email: 'bob@example.com', name: 'Bob', timestamp: 1_700_000_000_000, signature, extra: 1 })).toEqual({
      email: 'bob@example.com',
      name: 'Bob',
      customerId: undefined,
      timestamp: 1_700_000_000_000,
      signature,
    });
  });

  it('reads the script tag dataset, where everything is a string', () => {
    const dataset = { program: 'demo', email: 'bob@example.com', customerId: '42', name: '', timestamp: '1700000000000', signature: 'b' };
    expect(toIdentity(dataset)).toEqual({ email: 'bob@example.com', name: undefined, customerId: '42', timestamp: 1_700_000_000_000, signature: 'b' });
  });

  it('is null for anything unusable, never an exception', () => {
    for (const value of [null, undefined, 'bob', {}, { email: 'x', signature: 's' }, { email: 'x', signature: 's', timestamp: 'soon' }]) {
      expect(toIdentity(value)).toBeNull();
    }
  });
});
