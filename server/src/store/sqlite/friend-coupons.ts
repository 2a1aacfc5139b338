import type { Database } from 'better-sqlite3';
import type { FriendCouponRecord, NewFriendCoupon } from '../rules-records.ts';

interface FriendCouponRow {
  code: string;
  program_id: string;
  ambassador_id: number;
  ambassador_code: string;
  visitor_id: string;
  issued_at: number;
  used_at: number | null;
  used_by_order_id: string | null;
}

const SELECT = `SELECT f.*, a.code AS ambassador_code, c.order_id AS used_by_order_id FROM friend_coupons f
  JOIN ambassadors a ON a.id = f.ambassador_id LEFT JOIN conversions c ON c.id = f.conversion_id`;

function fromRow(row: FriendCouponRow): FriendCouponRecord {
  return {
    code: row.code,
    programId: row.program_id,
    ambassadorId: row.ambassador_id,
    ambassadorCode: row.ambassador_code,
    visitorId: row.visitor_id,
    issuedAt: row.issued_at,
    usedAt: row.used_at,
    usedByOrderId: row.used_by_order_id,
  };
}

/** Single-use friend coupons: one per (ambassador, friend's browser), used by at most one order. */
export function createFriendCoupons(db: Database) {
  const insert = db.prepare<NewFriendCoupon>(
    `INSERT INTO friend_coupons (code, program_id, ambassador_id, visitor_id, issued_at)
     VALUES (@code, @programId, @ambassadorId, @visitorId, @issuedAt)
     ON CONFLICT (ambassador_id, visitor_id) DO NOTHING`,
  );
  // A referral code is never a coupon code: both are typed into the same field.
  const codeIsReferral = db.prepare<{ code: string }, number>('SELECT 1 FROM ambassadors WHERE code = @code').pluck();
  const byCode = db.prepare<{ programId: string; code: string }, FriendCouponRow>(`${SELECT} WHERE f.program_id = @programId AND f.code = @code`);
  const byFriend = db.prepare<{ ambassadorId: number; visitorId: string }, FriendCouponRow>(
    `${SELECT} WHERE f.ambassador_id = @ambassadorId AND f.visitor_id = @visitorId`,
  );
  const claim = db.prepare<{ code: string; conversionId: number | bigint; at: number }>(
    'UPDATE friend_coupons SET used_at = @at, conversion_id = @conversionId WHERE code = @code AND conversion_id IS NULL',
  );

  const issue = db.transaction((coupon: NewFriendCoupon): FriendCouponRecord | 'code_taken' => {
    const existing = byFriend.get({ ambassadorId: coupon.ambassadorId, visitorId: coupon.visitorId });
    if (existing) return fromRow(existing);
    if (codeIsReferral.get({ code: coupon.code }) === 1) return 'code_taken';
    try {
      insert.run(coupon);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'code_taken';
      throw error;
    }
    const row = byFriend.get({ ambassadorId: coupon.ambassadorId, visitorId: coupon.visitorId });
    if (!row) throw new Error('friend coupon vanished inside its own transaction');
    return fromRow(row);
  });

  return {
    /** The friend's coupon (an existing one wins); `code_taken`: pick another code and try again. */
    issue: (coupon: NewFriendCoupon) => issue.immediate(coupon),
    find(programId: string, code: string): FriendCouponRecord | null {
      const row = byCode.get({ programId, code });
      return row ? fromRow(row) : null;
    },
    /** Inside the conversion's transaction: false when another order used the coupon first. */
    claim(code: string, conversionId: number | bigint, at: number): boolean {
      return claim.run({ code, conversionId, at }).changes === 1;
    },
  };
}
