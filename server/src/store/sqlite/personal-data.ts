import type { Database } from 'better-sqlite3';
import type { RollupWrites } from './rollup-writes.ts';

interface BrowserRow {
  visitor_id: string;
  first_seen_at: number;
}
interface OrderRow {
  order_id: string;
  amount: number;
  currency: string;
  created_at: number;
}

/**
 * An ambassador's personal data: read for an export, and erased on request. Erasure keeps the
 * ambassador row, their rewards and the ledger (amounts, statuses and times are the shop's
 * accounts), and removes what identifies the person: email, name, customer id, their browsers and
 * network hashes, and the email and customer id on their own orders and referral bindings.
 */
export function createPersonalData(db: Database, rollups: RollupWrites) {
  const browsers = db.prepare<{ ambassadorId: number }, BrowserRow>(
    'SELECT visitor_id, first_seen_at FROM ambassador_visitors WHERE ambassador_id = @ambassadorId ORDER BY first_seen_at',
  );
  const ownOrders = db.prepare<{ programId: string; emailNormalised: string; customerId: string | null }, OrderRow>(
    `SELECT order_id, amount, currency, created_at FROM conversions
     WHERE program_id = @programId AND (customer_email_normalised = @emailNormalised OR customer_id = @customerId)
     ORDER BY created_at`,
  );
  const eraseOrders = db.prepare<{ programId: string; emailNormalised: string; customerId: string | null }, { created_at: number }>(
    `UPDATE conversions SET customer_email = NULL, customer_email_normalised = NULL, customer_id = NULL
     WHERE program_id = @programId AND (customer_email_normalised = @emailNormalised OR customer_id = @customerId)
     RETURNING created_at`,
  );
  const eraseBindings = db.prepare(
    `UPDATE referral_bindings SET email_normalised = NULL, customer_id = NULL
     WHERE program_id = @programId AND (email_normalised = @emailNormalised OR customer_id = @customerId)`,
  );
  const eraseBrowsers = db.prepare('DELETE FROM ambassador_visitors WHERE ambassador_id = @ambassadorId');
  const eraseFingerprints = db.prepare('DELETE FROM ambassador_fingerprints WHERE ambassador_id = @ambassadorId');
  // A join token is a browser of the ambassador's too (they joined by email in the panel there).
  const eraseJoinTokens = db.prepare('DELETE FROM ambassador_join_tokens WHERE ambassador_id = @ambassadorId');
  // The normalised email stays unique per program, and no real address can collide with it.
  const eraseAmbassador = db.prepare(
    `UPDATE ambassadors SET email = '', email_normalised = 'erased:' || id, name = NULL, customer_id = NULL, erased_at = @at
     WHERE id = @ambassadorId AND erased_at IS NULL`,
  );

  type Person = { ambassadorId: number; programId: string; emailNormalised: string; customerId: string | null };

  const erase = db.transaction((person: Person, at: number): boolean => {
    // An erased order becomes a customer of its own (CUSTOMER in rollup-sources.ts): the customer
    // sketches of its day are counted again from the orders as they now are. Amounts, clicks and
    // widget events are untouched, and so are the other roll-ups.
    const rollup = rollups.batch();
    for (const order of eraseOrders.all(person)) {
      rollup.recount('customers', person.programId, order.created_at);
      rollup.recount('referred_customers', person.programId, order.created_at);
    }
    rollup.flush();
    eraseBindings.run(person);
    eraseBrowsers.run(person);
    eraseFingerprints.run(person);
    eraseJoinTokens.run(person);
    return eraseAmbassador.run({ ambassadorId: person.ambassadorId, at }).changes === 1;
  });

  return {
    browsers: (ambassadorId: number) =>
      browsers.all({ ambassadorId }).map((row) => ({ visitorId: row.visitor_id, firstSeenAt: row.first_seen_at })),
    ownOrders: (person: Omit<Person, 'ambassadorId'>) =>
      ownOrders.all(person).map((row) => ({ orderId: row.order_id, amount: row.amount, currency: row.currency, createdAt: row.created_at })),
    erase: (person: Person, at: number) => erase.immediate(person, at),
  };
}
