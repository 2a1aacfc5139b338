import { randomBytes } from 'node:crypto';
import { drawRaffle } from '../../../shared/src/draws/raffle-draw.ts';
import type { RaffleRequest, RaffleView } from '../../../shared/src/wire-joining-draws.ts';
import { InvalidRequestError, NoRaffleEntriesError, RaffleNotFoundError } from '../errors.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { RaffleRecord } from '../store/rules-records.ts';
import type { ServiceContext } from './service-context.ts';

/**
 * Raffle draws among ambassadors, weighted by their approved raffle entries in a period. A draw
 * does not use entries up: a second draw over the same period counts them again, so give each
 * draw its own period (`from`, `to`) when entries should count once.
 */
export class RaffleService {
  readonly #context: ServiceContext;

  constructor(context: ServiceContext) {
    this.#context = context;
  }

  async draw(program: ProgramRecord, request: RaffleRequest): Promise<RaffleView> {
    const { store, clock } = this.#context;
    const from = request.from ?? null;
    const to = request.to ?? null;
    if (from !== null && to !== null && from >= to) throw new InvalidRequestError('body/from must be before body/to');
    const entrants = await store.raffleEntries(program.id, from, to);
    if (entrants.length === 0) throw new NoRaffleEntriesError();
    const seed = request.seed ?? randomBytes(32).toString('hex');
    const stored = await store.saveRaffle({
      programId: program.id,
      prize: request.prize ?? null,
      from,
      to,
      seed,
      winners: request.winners,
      // Stored in draw order, exactly what `drawRaffle` saw.
      entrants: [...entrants].sort((a, b) => (a.ambassadorCode < b.ambassadorCode ? -1 : 1)),
      drawn: drawRaffle(seed, entrants, request.winners),
      createdAt: clock(),
    });
    return raffleView(stored);
  }

  async get(program: ProgramRecord, id: number): Promise<RaffleView> {
    const raffle = await this.#context.store.getRaffle(program.id, id);
    if (!raffle) throw new RaffleNotFoundError();
    return raffleView(raffle);
  }
}

export function raffleView(raffle: RaffleRecord): RaffleView {
  const entries = new Map(raffle.entrants.map((entrant) => [entrant.ambassadorCode, entrant.entries]));
  return {
    id: raffle.id,
    prize: raffle.prize,
    from: raffle.from,
    to: raffle.to,
    seed: raffle.seed,
    algorithm: 'sha256-weighted-v1',
    winnerCount: raffle.winners,
    entrants: raffle.entrants.map(({ ambassadorCode, entries: count }) => ({ ambassadorCode, entries: count })),
    winners: raffle.drawn.map((ambassadorCode, index) => ({ rank: index + 1, ambassadorCode, entries: entries.get(ambassadorCode) ?? 0 })),
    createdAt: raffle.createdAt,
  };
}
