import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawRaffle, raffleEntrants } from '../../src/draws/raffle-draw.ts';

const entrants = [
  { ambassadorCode: 'CAROL3', entries: 1 },
  { ambassadorCode: 'ALICE7', entries: 5 },
  { ambassadorCode: 'BOB222', entries: 2 },
  { ambassadorCode: 'DAVE44', entries: 0 },
];

describe('raffleEntrants', () => {
  it('keeps entrants with entries, sorted by code', () => {
    expect(raffleEntrants(entrants).map((e) => e.ambassadorCode)).toEqual(['ALICE7', 'BOB222', 'CAROL3']);
  });
});

describe('drawRaffle', () => {
  it.each([
    { winners: 0, expected: 0 },
    { winners: 1, expected: 1 },
    { winners: 3, expected: 3 },
    { winners: 10, expected: 3 },
  ])('draws min(winners, entrants) distinct winners ($winners)', ({ winners, expected }) => {
    const drawn = drawRaffle('seed', entrants, winners);
    expect(drawn).toHaveLength(expected);
    expect(new Set(drawn).size).toBe(expected);
    expect(drawn).not.toContain('DAVE44');
  });

  it('is the same for the same seed, whatever order the entrants come in', () => {
    const reversed = [...entrants].reverse();
    expect(drawRaffle('abc', reversed, 2)).toEqual(drawRaffle('abc', entrants, 2));
  });

  it('follows the documented algorithm for a single draw', () => {
    // Total 8 entries laid out ALICE7 [0,5), BOB222 [5,7), CAROL3 [7,8).
    const sample = BigInt(`0x${createHash('sha256').update('fixed:0').digest('hex').slice(0, 16)}`) % 8n;
    const expected = sample < 5n ? 'ALICE7' : sample < 7n ? 'BOB222' : 'CAROL3';
    expect(drawRaffle('fixed', entrants, 1)).toEqual([expected]);
  });

  it('weights by entries', () => {
    const wins = new Map<string, number>();
    for (let i = 0; i < 800; i++) {
      const [winner] = drawRaffle(`s${i}`, [{ ambassadorCode: 'HEAVY', entries: 9 }, { ambassadorCode: 'LIGHT', entries: 1 }], 1);
      wins.set(winner ?? '', (wins.get(winner ?? '') ?? 0) + 1);
    }
    expect(wins.get('HEAVY')).toBeGreaterThan(650);
    expect(wins.get('LIGHT')).toBeGreaterThan(30);
  });

  it('draws nobody from an empty pool', () => {
    expect(drawRaffle('x', [], 3)).toEqual([]);
  });
});
