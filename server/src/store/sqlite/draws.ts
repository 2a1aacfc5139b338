import type { Database } from 'better-sqlite3';
import type { ContestReferrals, ContestStanding } from '../../../../shared/src/draws/contest-ranking.ts';
import type { RaffleEntrant } from '../../../../shared/src/draws/raffle-draw.ts';
import type { ContestRecord, NewContest, NewRaffle, RaffleRecord } from '../rules-records.ts';

interface RaffleRow {
  id: number;
  program_id: string;
  prize: string | null;
  from_at: number | null;
  to_at: number | null;
  seed: string;
  winners: number;
  entrants: string;
  drawn: string;
  created_at: number;
}

interface ContestRow {
  id: number;
  program_id: string;
  name: string;
  starts_at: number;
  ends_at: number;
  winners: number;
  prizes: string;
  settled_at: number | null;
  standings: string | null;
  created_at: number;
}

const raffleFromRow = (row: RaffleRow): RaffleRecord => ({
  id: row.id,
  programId: row.program_id,
  prize: row.prize,
  from: row.from_at,
  to: row.to_at,
  seed: row.seed,
  winners: row.winners,
  entrants: JSON.parse(row.entrants) as RaffleEntrant[],
  drawn: JSON.parse(row.drawn) as string[],
  createdAt: row.created_at,
});

const contestFromRow = (row: ContestRow): ContestRecord => ({
  id: row.id,
  programId: row.program_id,
  name: row.name,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  winners: row.winners,
  prizes: JSON.parse(row.prizes) as string[],
  settledAt: row.settled_at,
  standings: row.standings === null ? null : (JSON.parse(row.standings) as ContestStanding[]),
  createdAt: row.created_at,
});

/** Raffle draws and contests: what they are computed from, and what they decided, kept for good. */
export function createDraws(db: Database) {
  // Approved (or paid) raffle entries created in the period; erased ambassadors cannot win.
  const entries = db.prepare<{ programId: string; from: number | null; to: number | null }, { code: string; entries: number }>(
    `SELECT a.code AS code, SUM(r.amount) AS entries FROM rewards r JOIN ambassadors a ON a.id = r.ambassador_id
     WHERE r.program_id = @programId AND r.kind = 'raffle_entries' AND r.status IN ('approved', 'paid')
       AND a.erased_at IS NULL
       AND (@from IS NULL OR r.created_at >= @from) AND (@to IS NULL OR r.created_at < @to)
     GROUP BY a.code HAVING SUM(r.amount) > 0`,
  );
  const insertRaffle = db.prepare(
    `INSERT INTO raffles (program_id, prize, from_at, to_at, seed, winners, entrants, drawn, created_at)
     VALUES (@programId, @prize, @from, @to, @seed, @winners, @entrants, @drawn, @createdAt)`,
  );
  const raffleById = db.prepare<{ programId: string; id: number | bigint }, RaffleRow>('SELECT * FROM raffles WHERE program_id = @programId AND id = @id');

  // Successful referrals in the window: attributed first purchases that still stand and whose
  // reward (if any) is not voided or rejected.
  const referrals = db.prepare<{ programId: string; from: number; to: number }, { code: string; at: number }>(
    `SELECT a.code AS code, c.created_at AS at FROM conversions c JOIN ambassadors a ON a.id = c.ambassador_id
     WHERE c.program_id = @programId AND c.attributed = 1 AND c.attributed_via IS NOT 'repeat'
       AND c.status <> 'refunded' AND c.order_status <> 'canceled'
       AND c.created_at >= @from AND c.created_at < @to
       AND NOT EXISTS (SELECT 1 FROM rewards r WHERE r.conversion_id = c.id AND r.purpose = 'conversion'
                         AND r.status IN ('voided', 'rejected'))`,
  );
  const insertContest = db.prepare(
    `INSERT INTO contests (program_id, name, starts_at, ends_at, winners, prizes, created_at)
     VALUES (@programId, @name, @startsAt, @endsAt, @winners, @prizes, @createdAt)`,
  );
  const contestById = db.prepare<{ programId: string; id: number | bigint }, ContestRow>('SELECT * FROM contests WHERE program_id = @programId AND id = @id');
  const contests = db.prepare<{ programId: string }, ContestRow>('SELECT * FROM contests WHERE program_id = @programId ORDER BY id DESC');
  const settle = db.prepare<{ programId: string; id: number; standings: string; at: number }>(
    `UPDATE contests SET settled_at = @at, standings = @standings
     WHERE program_id = @programId AND id = @id AND settled_at IS NULL`,
  );

  const saveRaffle = db.transaction((raffle: NewRaffle): RaffleRecord => {
    const id = insertRaffle.run({ ...raffle, entrants: JSON.stringify(raffle.entrants), drawn: JSON.stringify(raffle.drawn) }).lastInsertRowid;
    const row = raffleById.get({ programId: raffle.programId, id });
    if (!row) throw new Error('raffle vanished inside its own transaction');
    return raffleFromRow(row);
  });

  const saveContest = db.transaction((contest: NewContest): ContestRecord => {
    const id = insertContest.run({ ...contest, prizes: JSON.stringify(contest.prizes) }).lastInsertRowid;
    const row = contestById.get({ programId: contest.programId, id });
    if (!row) throw new Error('contest vanished inside its own transaction');
    return contestFromRow(row);
  });

  // Reads the referrals and freezes the standings in one transaction: what is stored is exactly
  // what the ranking saw, and a second settle changes nothing.
  const settleContest = db.transaction(
    (programId: string, id: number, rank: (referrals: ContestReferrals[]) => ContestStanding[], at: number): ContestRecord | null => {
      const current = contestById.get({ programId, id });
      if (!current) return null;
      if (current.settled_at === null) {
        const standings = rank(groupReferrals(referrals.all({ programId, from: current.starts_at, to: current.ends_at })));
        settle.run({ programId, id, standings: JSON.stringify(standings), at });
      }
      const row = contestById.get({ programId, id });
      return row ? contestFromRow(row) : null;
    },
  );

  return {
    raffleEntries: (programId: string, from: number | null, to: number | null): RaffleEntrant[] =>
      entries.all({ programId, from, to }).map((row) => ({ ambassadorCode: row.code, entries: row.entries })),
    saveRaffle: (raffle: NewRaffle) => saveRaffle.immediate(raffle),
    getRaffle(programId: string, id: number): RaffleRecord | null {
      const row = raffleById.get({ programId, id });
      return row ? raffleFromRow(row) : null;
    },
    contestReferrals: (programId: string, from: number, to: number): ContestReferrals[] => groupReferrals(referrals.all({ programId, from, to })),
    saveContest: (contest: NewContest) => saveContest.immediate(contest),
    getContest(programId: string, id: number): ContestRecord | null {
      const row = contestById.get({ programId, id });
      return row ? contestFromRow(row) : null;
    },
    listContests: (programId: string): ContestRecord[] => contests.all({ programId }).map(contestFromRow),
    settleContest: (programId: string, id: number, rank: (referrals: ContestReferrals[]) => ContestStanding[], at: number) =>
      settleContest.immediate(programId, id, rank, at),
  };
}

function groupReferrals(rows: Array<{ code: string; at: number }>): ContestReferrals[] {
  const byCode = new Map<string, number[]>();
  for (const row of rows) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row.at]);
  return [...byCode].map(([ambassadorCode, referralTimes]) => ({ ambassadorCode, referralTimes }));
}
