import { rankContest, type ContestStanding } from '../../../shared/src/draws/contest-ranking.ts';
import type { ContestRequest, ContestView } from '../../../shared/src/wire-joining-draws.ts';
import { ContestNotFoundError, ContestNotOverError, InvalidRequestError } from '../errors.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { ContestRecord } from '../store/rules-records.ts';
import type { ServiceContext } from './service-context.ts';

/**
 * Contests: the top N ambassadors by successful referrals made in `[startsAt, endsAt)`, ranked by
 * `rankContest`. Standings are live until the owner settles the contest after it ended; settling
 * freezes them for good (a refund afterwards does not change the winners).
 */
export class ContestService {
  readonly #context: ServiceContext;

  constructor(context: ServiceContext) {
    this.#context = context;
  }

  async create(program: ProgramRecord, request: ContestRequest): Promise<ContestView> {
    if (request.endsAt <= request.startsAt) throw new InvalidRequestError('body/endsAt must be after body/startsAt');
    const contest = await this.#context.store.saveContest({
      programId: program.id,
      name: request.name,
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      winners: request.winners,
      prizes: request.prizes ?? [],
      createdAt: this.#context.clock(),
    });
    return this.#view(contest, []);
  }

  async list(program: ProgramRecord): Promise<ContestView[]> {
    return (await this.#context.store.listContests(program.id)).map((contest) => this.#view(contest, null));
  }

  async get(program: ProgramRecord, id: number): Promise<ContestView> {
    const contest = await this.#find(program, id);
    const standings = contest.standings ?? rankContest(await this.#context.store.contestReferrals(program.id, contest.startsAt, contest.endsAt));
    return this.#view(contest, standings);
  }

  /** Only after `endsAt`; settling again returns the same result. */
  async settle(program: ProgramRecord, id: number): Promise<ContestView> {
    const now = this.#context.clock();
    const contest = await this.#find(program, id);
    if (contest.settledAt === null && now < contest.endsAt) throw new ContestNotOverError();
    const settled = await this.#context.store.settleContest(program.id, id, rankContest, now);
    if (!settled) throw new ContestNotFoundError();
    return this.#view(settled, settled.standings ?? []);
  }

  async #find(program: ProgramRecord, id: number): Promise<ContestRecord> {
    const contest = await this.#context.store.getContest(program.id, id);
    if (!contest) throw new ContestNotFoundError();
    return contest;
  }

  #view(contest: ContestRecord, standings: ContestStanding[] | null): ContestView {
    const now = this.#context.clock();
    const status = contest.settledAt !== null ? 'settled' : now < contest.startsAt ? 'upcoming' : now < contest.endsAt ? 'running' : 'ended';
    return {
      id: contest.id,
      name: contest.name,
      startsAt: contest.startsAt,
      endsAt: contest.endsAt,
      winners: contest.winners,
      prizes: contest.prizes,
      status,
      settledAt: contest.settledAt,
      ...(standings
        ? {
            standings: standings.map((standing) => {
              const prize = standing.rank <= contest.winners ? contest.prizes[standing.rank - 1] : undefined;
              return { ...standing, winner: standing.rank <= contest.winners, ...(prize !== undefined ? { prize } : {}) };
            }),
          }
        : {}),
      createdAt: contest.createdAt,
    };
  }
}
