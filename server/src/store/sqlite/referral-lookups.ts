import type { Database } from 'better-sqlite3';
import type { ClickRecord, ConversionRecord, ReferralBinding } from '../records.ts';
import type { CustomerKeys } from '../store.ts';
import { clickFromRow, conversionFromRow, type ClickRow, type ConversionRow } from './row-mapping.ts';

interface BindingRow {
  program_id: string;
  ambassador_id: number;
  email_normalised: string | null;
  customer_id: string | null;
  click_id: string | null;
  referred_at: number;
  created_at: number;
}

/** The evidence attribution and the fraud rules read, and the two small facts they remember. */
export function createReferralLookups(db: Database) {
  const firstClick = db.prepare<{ programId: string; visitorId: string; since: number }, ClickRow>(
    `SELECT c.* FROM clicks c
     WHERE c.program_id = @programId AND c.visitor_id = @visitorId AND c.created_at >= @since AND c.self = 0
       AND NOT EXISTS (SELECT 1 FROM ambassador_visitors v WHERE v.ambassador_id = c.ambassador_id AND v.visitor_id = c.visitor_id)
     ORDER BY c.created_at LIMIT 1`,
  );
  const insertBinding = db.prepare(
    `INSERT INTO referral_bindings (program_id, ambassador_id, email_normalised, customer_id, click_id, referred_at, created_at)
     VALUES (@programId, @ambassadorId, @emailNormalised, @customerId, @clickId, @referredAt, @createdAt)
     ON CONFLICT (program_id, ambassador_id, email_normalised, customer_id) DO UPDATE SET
       click_id = excluded.click_id, referred_at = MAX(referred_at, excluded.referred_at)`,
  );
  const binding = (order: 'ASC' | 'DESC') =>
    db.prepare<{ programId: string; emailNormalised: string | null; customerId: string | null; since: number }, BindingRow>(
      `SELECT * FROM referral_bindings
       WHERE program_id = @programId AND referred_at >= @since
         AND (email_normalised = @emailNormalised OR customer_id = @customerId)
       ORDER BY referred_at ${order} LIMIT 1`,
    );
  const firstBinding = binding('ASC');
  const lastBinding = binding('DESC');
  const firstConversion = db.prepare<
    { programId: string; emailNormalised: string | null; customerId: string | null; visitorId: string | null },
    ConversionRow
  >(
    `SELECT * FROM conversions
     WHERE program_id = @programId AND order_status <> 'canceled'
       AND (customer_email_normalised = @emailNormalised OR customer_id = @customerId OR visitor_id = @visitorId)
     ORDER BY created_at, id LIMIT 1`,
  );
  const insertFingerprint = db.prepare(
    `INSERT OR IGNORE INTO ambassador_fingerprints (ambassador_id, ip_ua_hash, first_seen_at)
     VALUES (@ambassadorId, @ipUaHash, @at)`,
  );
  const hasFingerprint = db
    .prepare<{ ambassadorId: number; hashes: string }, number>(
      `SELECT 1 FROM ambassador_fingerprints
       WHERE ambassador_id = @ambassadorId AND ip_ua_hash IN (SELECT value FROM json_each(@hashes)) LIMIT 1`,
    )
    .pluck();
  const referredFromIp = db
    .prepare<{ programId: string; hashes: string; since: number }, number>(
      `SELECT count(*) FROM conversions
       WHERE program_id = @programId AND ip_hash IN (SELECT value FROM json_each(@hashes))
         AND created_at >= @since AND ambassador_id IS NOT NULL`,
    )
    .pluck();

  return {
    findFirstClick(programId: string, visitorId: string, since: number): ClickRecord | null {
      const row = firstClick.get({ programId, visitorId, since });
      return row ? clickFromRow(row) : null;
    },
    bindReferral(binding: ReferralBinding): void {
      insertBinding.run(binding);
    },
    findReferralBinding(programId: string, customer: CustomerKeys, since: number, which: 'first' | 'last'): ReferralBinding | null {
      if (customer.emailNormalised === null && customer.customerId === null) return null;
      const row = (which === 'first' ? firstBinding : lastBinding).get({ programId, ...customer, since });
      return row
        ? {
            programId: row.program_id,
            ambassadorId: row.ambassador_id,
            emailNormalised: row.email_normalised,
            customerId: row.customer_id,
            clickId: row.click_id,
            referredAt: row.referred_at,
            createdAt: row.created_at,
          }
        : null;
    },
    findFirstConversionOf(programId: string, customer: CustomerKeys & { visitorId: string | null }): ConversionRecord | null {
      if (customer.emailNormalised === null && customer.customerId === null && customer.visitorId === null) return null;
      const row = firstConversion.get({ programId, ...customer });
      return row ? conversionFromRow(row) : null;
    },
    addAmbassadorFingerprint(ambassadorId: number, ipUaHash: string, at: number): void {
      insertFingerprint.run({ ambassadorId, ipUaHash, at });
    },
    hasAmbassadorFingerprint(ambassadorId: number, hashes: readonly string[]): boolean {
      return hashes.length > 0 && hasFingerprint.get({ ambassadorId, hashes: JSON.stringify(hashes) }) === 1;
    },
    countReferredConversionsFromIp(programId: string, hashes: readonly string[], since: number): number {
      if (hashes.length === 0) return 0;
      return referredFromIp.get({ programId, hashes: JSON.stringify(hashes), since }) ?? 0;
    },
  };
}
