import type { Database } from 'better-sqlite3';
import { decideClick, type ClickSeen } from '../../domain/click-dedup.ts';
import type { ClickWrite, ClickWriteResult } from '../store.ts';
import { CLICK_FACT_COLUMNS, type ClickFacts, type RollupBatch, type RollupWrites } from './rollup-writes.ts';

interface ClickSeenRow {
  id: string;
  ambassador_id: number;
  visitor_id: string | null;
  created_at: number;
}

const seen = (row: ClickSeenRow | undefined): ClickSeen | null =>
  row ? { id: row.id, ambassadorId: row.ambassador_id, visitorId: row.visitor_id, createdAt: row.created_at } : null;

/**
 * Writes batches of clicks. Each click's look-ups and its write run inside the batch's single
 * IMMEDIATE transaction, so two concurrent duplicates can never both be counted: the second
 * sees the first (same batch or an earlier commit) because SQLite has one writer at a time.
 * The batch's roll-up changes are written once at its end, in the same transaction.
 */
export function createClickWriter(db: Database, rollups: RollupWrites) {
  const byId = db.prepare<[string], ClickSeenRow>(
    'SELECT id, ambassador_id, visitor_id, created_at FROM clicks WHERE id = ?',
  );
  const recentByVisitor = db.prepare<{ ambassadorId: number; visitorId: string; since: number }, ClickSeenRow>(
    `SELECT id, ambassador_id, visitor_id, created_at FROM clicks
     WHERE ambassador_id = @ambassadorId AND visitor_id = @visitorId AND created_at >= @since
     ORDER BY created_at DESC LIMIT 1`,
  );
  // Both salts: the hash salt rotates, and a repeat from before the rotation is still a repeat.
  const recentByIpUa = db.prepare<{ ambassadorId: number; ipUaHash: string; previousIpUaHash: string; since: number }, ClickSeenRow>(
    `SELECT id, ambassador_id, visitor_id, created_at FROM clicks
     WHERE ambassador_id = @ambassadorId AND ip_ua_hash IN (@ipUaHash, @previousIpUaHash) AND created_at >= @since
     ORDER BY created_at DESC LIMIT 1`,
  );
  const isAmbassadorVisitor = db
    .prepare<{ ambassadorId: number; visitorId: string }, number>(
      'SELECT 1 FROM ambassador_visitors WHERE ambassador_id = @ambassadorId AND visitor_id = @visitorId',
    )
    .pluck();
  const insert = db.prepare(
    `INSERT INTO clicks (id, program_id, ambassador_id, visitor_id, ip_ua_hash, source, counted, self, url, referrer,
       qr, browser, os, device_type, created_at)
     VALUES (@id, @programId, @ambassadorId, @visitorId, @ipUaHash, @source, 1, @self, @url, @referrer,
       @qr, @browser, @os, @deviceType, @at)`,
  );
  // A claim can stop a click counting (a repeat after all, or the ambassador's own browser) and
  // fill in its details: the roll-ups take the click as it was out and as it is now in.
  const factsById = db.prepare<[string], ClickFacts>(`SELECT ${CLICK_FACT_COLUMNS} FROM clicks WHERE id = ?`);
  const claim = db.prepare<Record<string, unknown>, ClickFacts>(
    `UPDATE clicks SET visitor_id = @visitorId, claimed_at = @at, self = MAX(self, @self),
       counted = CASE WHEN @uncount = 1 THEN 0 ELSE counted END,
       url = COALESCE(url, @url), referrer = COALESCE(referrer, @referrer),
       browser = COALESCE(browser, @browser), os = COALESCE(os, @os), device_type = COALESCE(device_type, @deviceType)
     WHERE id = @id AND visitor_id IS NULL
     RETURNING ${CLICK_FACT_COLUMNS}`,
  );

  function writeOne(write: ClickWrite, rollup: RollupBatch): ClickWriteResult {
    const since = write.at - write.dedupWindowMs;
    const decision = decideClick({
      now: write.at,
      dedupWindowMs: write.dedupWindowMs,
      ambassadorId: write.ambassadorId,
      source: write.source,
      visitorId: write.visitorId,
      claimTarget: write.claimClickId ? seen(byId.get(write.claimClickId)) : null,
      recentByVisitor: write.visitorId
        ? seen(recentByVisitor.get({ ambassadorId: write.ambassadorId, visitorId: write.visitorId, since }))
        : null,
      recentByIpUa: write.ipUaHash
        ? seen(
            recentByIpUa.get({
              ambassadorId: write.ambassadorId,
              ipUaHash: write.ipUaHash,
              previousIpUaHash: write.previousIpUaHash ?? write.ipUaHash,
              since,
            }),
          )
        : null,
    });
    if (decision.action === 'duplicate') return { clickId: decision.clickId, counted: false };

    const self = write.visitorId !== null && isAmbassadorVisitor.get({ ambassadorId: write.ambassadorId, visitorId: write.visitorId }) === 1 ? 1 : 0;
    if (decision.action === 'claim') {
      const before = factsById.get(decision.clickId) ?? null;
      const after = claim.get({
        id: decision.clickId,
        visitorId: write.visitorId,
        at: write.at,
        self,
        uncount: decision.uncount ? 1 : 0,
        url: write.url,
        referrer: write.referrer,
        browser: write.browser,
        os: write.os,
        deviceType: write.deviceType,
      });
      if (after) rollup.clickChanged(before, after);
      return { clickId: decision.clickId, counted: false };
    }
    insert.run({
      id: write.newClickId,
      programId: write.programId,
      ambassadorId: write.ambassadorId,
      visitorId: write.visitorId,
      ipUaHash: write.ipUaHash,
      source: write.source,
      self,
      url: write.url,
      referrer: write.referrer,
      qr: write.qr ? 1 : 0,
      browser: write.browser,
      os: write.os,
      deviceType: write.deviceType,
      at: write.at,
    });
    rollup.clickChanged(null, {
      program_id: write.programId,
      created_at: write.at,
      counted: 1,
      self,
      qr: write.qr ? 1 : 0,
      device_type: write.deviceType,
      browser: write.browser,
      os: write.os,
      visitor_id: write.visitorId,
    });
    return { clickId: write.newClickId, counted: self === 0 };
  }

  const writeBatch = db.transaction((writes: ClickWrite[]) => {
    const rollup = rollups.batch();
    const results = writes.map((write): ClickWriteResult | Error => {
      // A failing statement rolls back only itself; the rest of the batch still commits. Each
      // click reaches the roll-ups only after its last statement succeeded.
      try {
        return writeOne(write, rollup);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    });
    rollup.flush();
    return results;
  });

  return (writes: ClickWrite[]): Array<ClickWriteResult | Error> => writeBatch.immediate(writes);
}
