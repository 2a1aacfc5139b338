import { createHash } from 'node:crypto';

export interface RaffleEntrant {
  ambassadorCode: string;
  /** Approved raffle entries in the draw's period: the entrant's weight. */
  entries: number;
}

const TWO_POW_64 = 1n << 64n;

/**
 * The entrants in draw order: those with at least one entry, sorted by ambassador code (plain
 * code-unit order, the same in every language), so that anyone holding the list can re-run the draw.
 */
export function raffleEntrants(entrants: readonly RaffleEntrant[]): RaffleEntrant[] {
  return entrants.filter((entrant) => entrant.entries > 0).sort((a, b) => (a.ambassadorCode < b.ambassadorCode ? -1 : a.ambassadorCode > b.ambassadorCode ? 1 : 0));
}

/**
 * Draws `winners` distinct ambassadors, each with a chance proportional to their entries,
 * deterministically from `seed`:
 *  - sample k (k = 0, 1, 2, ...) is the first 8 bytes, big-endian, of SHA-256 of the UTF-8 text
 *    `{seed}:{k}`;
 *  - a sample at or above the largest multiple of the remaining total entries below 2^64 is
 *    skipped (no modulo bias), otherwise `sample mod total` falls in one entrant's range of the
 *    entrants laid out in draw order (`raffleEntrants`);
 *  - that entrant wins and leaves the draw with all their entries; repeat until `winners` have
 *    won or nobody is left.
 * Returns the winners' codes in the order drawn.
 */
export function drawRaffle(seed: string, entrants: readonly RaffleEntrant[], winners: number): string[] {
  const pool = raffleEntrants(entrants);
  const drawn: string[] = [];
  let k = 0;
  while (drawn.length < winners && pool.length > 0) {
    const total = BigInt(pool.reduce((sum, entrant) => sum + entrant.entries, 0));
    const limit = TWO_POW_64 - (TWO_POW_64 % total);
    let sample: bigint;
    do {
      sample = BigInt(`0x${createHash('sha256').update(`${seed}:${k++}`, 'utf8').digest('hex').slice(0, 16)}`);
    } while (sample >= limit);
    let point = sample % total;
    const index = pool.findIndex((entrant) => {
      if (point < BigInt(entrant.entries)) return true;
      point -= BigInt(entrant.entries);
      return false;
    });
    const [winner] = pool.splice(index, 1);
    if (winner) drawn.push(winner.ambassadorCode);
  }
  return drawn;
}
