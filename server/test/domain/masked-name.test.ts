import { describe, expect, it } from 'vitest';
import { maskedName } from '../../src/domain/masked-name.ts';

describe('maskedName', () => {
  it.each([
    ['Alice Kowalska', 'Al*** K.'],
    ['alice mary kowalska', 'al*** K.'],
    ['Bob', 'Bo***'],
    ['  Ольга   Петрова ', 'Ол*** П.'],
    ['J', 'J***'],
    ['', '***'],
  ])('%j → %j', (name, masked) => {
    expect(maskedName(name)).toBe(masked);
  });
});
