import Database from 'better-sqlite3';

/**
 * The rules the reward ledger must obey after any story, read straight from the database file.
 * Returns the violations, one line each; an empty list means the ledger explains every reward.
 *
 * - every reward starts with exactly one entry from `earned`, of its original amount;
 * - an entry moves a non-negative amount along an allowed edge of the state machine;
 * - the live buckets of a reward (held, pending, approved, paid) hold what its status says:
 *   held / pending / approved hold its whole worth, a paid reward's worth is paid + approved
 *   (a clawback after payment leaves approved negative), voided and rejected hold nothing;
 * - what was taken back (voided, rejected, clawed back) is exactly original − worth;
 * - held and pending never go negative, and the entries are in time order;
 * - a milestone bonus names its milestone, and an ambassador holds at most one live (worth more
 *   than 0) bonus per milestone.
 */
export function ledgerViolations(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const violations: string[] = [];
    const rewards = db.prepare('SELECT id, status, amount, original_amount, ambassador_id, currency FROM rewards').all() as Array<{
      id: number;
      status: string;
      amount: number;
      original_amount: number;
      ambassador_id: number;
      currency: string;
    }>;
    const entriesOf = db.prepare(
      'SELECT amount, from_bucket, to_bucket, created_at, ambassador_id, currency FROM ledger_entries WHERE reward_id = ? ORDER BY id',
    );
    for (const reward of rewards) {
      const say = (message: string) => violations.push(`reward ${reward.id} (${reward.status}): ${message}`);
      const entries = entriesOf.all(reward.id) as Array<{
        amount: number;
        from_bucket: string;
        to_bucket: string;
        created_at: number;
        ambassador_id: number;
        currency: string;
      }>;
      const net = new Map<string, number>();
      let lastAt = -Infinity;
      for (const entry of entries) {
        if (entry.amount < 0) say(`negative entry ${entry.amount}`);
        if (!ALLOWED.has(`${entry.from_bucket}>${entry.to_bucket}`)) say(`entry ${entry.from_bucket} → ${entry.to_bucket} is not an allowed move`);
        if (entry.ambassador_id !== reward.ambassador_id || entry.currency !== reward.currency) say('entry of another ambassador or currency');
        if (entry.created_at < lastAt) say('entries out of time order');
        lastAt = entry.created_at;
        net.set(entry.from_bucket, (net.get(entry.from_bucket) ?? 0) - entry.amount);
        net.set(entry.to_bucket, (net.get(entry.to_bucket) ?? 0) + entry.amount);
        for (const bucket of ['held', 'pending'] as const) if ((net.get(bucket) ?? 0) < 0) say(`${bucket} went negative`);
      }
      const of = (bucket: string) => net.get(bucket) ?? 0;
      const earned = entries.filter((entry) => entry.from_bucket === 'earned');
      if (earned.length !== 1 || earned[0]?.amount !== reward.original_amount) say('must start with one entry of its original amount');
      const expected: Record<string, number> = { held: 0, pending: 0, approved: 0, paid: 0 };
      if (reward.status === 'held' || reward.status === 'pending' || reward.status === 'approved') expected[reward.status] = reward.amount;
      for (const bucket of ['held', 'pending'] as const) {
        if (of(bucket) !== expected[bucket]) say(`${bucket} holds ${of(bucket)}, expected ${expected[bucket]}`);
      }
      if (reward.status === 'paid') {
        if (of('paid') + of('approved') !== reward.amount) say(`paid + approved = ${of('paid') + of('approved')}, worth ${reward.amount}`);
      } else {
        if (of('approved') !== expected.approved) say(`approved holds ${of('approved')}, expected ${expected.approved}`);
        if (of('paid') !== 0) say(`paid holds ${of('paid')} but the reward is not paid`);
      }
      const takenBack = of('voided') + of('rejected') + of('clawed_back');
      if (takenBack !== reward.original_amount - reward.amount) {
        say(`taken back ${takenBack}, but original ${reward.original_amount} − worth ${reward.amount} = ${reward.original_amount - reward.amount}`);
      }
      if ((reward.status === 'voided' || reward.status === 'rejected') && reward.amount !== 0) say('a voided or rejected reward is worth 0');
    }
    const doubled = db
      .prepare(
        `SELECT ambassador_id, milestone FROM rewards WHERE purpose = 'milestone' AND amount > 0
         GROUP BY ambassador_id, milestone HAVING count(*) > 1`,
      )
      .all() as Array<{ ambassador_id: number; milestone: number }>;
    for (const row of doubled) violations.push(`ambassador ${row.ambassador_id} holds milestone ${row.milestone} twice`);
    const unnamed = db.prepare("SELECT count(*) FROM rewards WHERE (purpose = 'milestone') <> (milestone IS NOT NULL)").pluck().get() as number;
    if (unnamed > 0) violations.push(`${unnamed} rewards whose purpose and milestone disagree`);
    const orphans = db.prepare('SELECT count(*) FROM ledger_entries WHERE reward_id NOT IN (SELECT id FROM rewards)').pluck().get() as number;
    if (orphans > 0) violations.push(`${orphans} ledger entries without a reward`);
    return violations;
  } finally {
    db.close();
  }
}

const ALLOWED = new Set([
  'earned>pending',
  'earned>held',
  'earned>rejected',
  'held>pending',
  'held>rejected',
  'held>voided',
  'pending>approved',
  'pending>rejected',
  'pending>voided',
  'approved>paid',
  'approved>clawed_back',
  'paid>approved',
]);
