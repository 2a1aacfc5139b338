import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../src/email.ts';

describe('normaliseEmail', () => {
  it.each([
    ['Alice@Example.com', 'alice@example.com'],
    ['  alice@example.com ', 'alice@example.com'],
    ['Alice.Smith+shop@Gmail.com', 'alicesmith@gmail.com'],
    ['alice.smith@googlemail.com', 'alicesmith@gmail.com'],
    ['alice+x@outlook.com', 'alice@outlook.com'],
    ['alice.smith@outlook.com', 'alice.smith@outlook.com'], // dots matter outside Gmail
    ['alice+x@example.com', 'alice+x@example.com'], // unknown domains keep the plus part
  ])('%s → %s', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });
});
