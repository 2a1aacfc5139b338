import type { Database } from 'better-sqlite3';
import { decideClick, type ClickSeen } from '../../domain/click-dedup.ts';
import type { ClickWrite, ClickWriteResult } from '../store.ts';

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
 */
export function createClickWriter(db: Database) {
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
  const claim = db.prepare(
    `UPDATE clicks SET visitor_id = @visitorId, claimed_at = @at, self = MAX(self, @self),
       counted = CASE WHEN @uncount = 1 THEN 0 ELSE counted END,
       url = COALESCE(url, @url), referrer = COALESCE(referrer, @referrer),
       browser = COALESCE(browser, @browser), os = COALESCE(os, @os), device_type = COALESCE(device_type, @deviceType)
     WHERE id = @id AND visitor_id IS NULL`,
  );

  function writeOne(write: ClickWrite): ClickWriteResult {
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
      claim.run({
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
    return { clickId: write.newClickId, counted: self === 0 };
  }

  const writeBatch = db.transaction((writes: ClickWrite[]) =>
    writes.map((write): ClickWriteResult | Error => {
      // A failing statement rolls back only itself; the rest of the batch still commits.
      try {
        return writeOne(write);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );

  return (writes: ClickWrite[]): Array<ClickWriteResult | Error> => writeBatch.immediate(writes);
}
