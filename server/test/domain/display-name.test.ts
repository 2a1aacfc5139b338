import { describe, expect, it } from 'vitest';
import { displayName, nameFromEmail } from '../../src/domain/display-name.ts';

describe('display names', () => {
  it('capitalises the local part of the email, without a +tag', () => {
    expect(nameFromEmail('alice.smith@example.com')).toBe('Alice.smith');
    expect(nameFromEmail('bob+shop@example.com')).toBe('Bob');
    expect(displayName({ name: '  ', email: 'carol@example.com' })).toBe('Carol');
    expect(displayName({ name: 'Dave D.', email: 'dave@example.com' })).toBe('Dave D.');
  });
});
