import type { AmbassadorBlockRequest, AmbassadorListItem, AmbassadorListResponse } from '../../../shared/src/wire.ts';
import { AmbassadorNotFoundError } from '../errors.ts';
import type { AmbassadorListQuery, AmbassadorListRow } from '../store/analytics-store.ts';
import type { ProgramRecord } from '../store/records.ts';
import type { AmbassadorService } from './ambassadors.ts';
import type { CachedLookups } from './cached-lookups.ts';
import { decimalAmount, isoTime, toCsv } from './csv.ts';
import type { ServiceContext } from './service-context.ts';

/** An export holds every row; pages of this size keep each read transaction short. */
const EXPORT_PAGE = 5_000;

/** The owner's side of ambassadors: the list, blocking, and the CSV exports. */
export class AmbassadorAdminService {
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;
  readonly #lookups: CachedLookups;

  constructor(context: ServiceContext, ambassadors: AmbassadorService, lookups: CachedLookups) {
    this.#context = context;
    this.#ambassadors = ambassadors;
    this.#lookups = lookups;
  }

  async list(program: ProgramRecord, query: AmbassadorListQuery): Promise<AmbassadorListResponse> {
    const page = await this.#context.store.listAmbassadors(program.id, query);
    return { items: page.items.map(listItem), total: page.total };
  }

  /** Blocking twice keeps the first time; unblocking lets the link and code earn again from now. */
  async block(program: ProgramRecord, code: string, request: AmbassadorBlockRequest): Promise<AmbassadorListItem> {
    const ambassador = await this.#ambassadors.findByCode(program, code);
    if (!ambassador) throw new AmbassadorNotFoundError();
    const { store, clock } = this.#context;
    await store.setAmbassadorBlocked(ambassador.id, request.blocked ? { at: clock(), note: request.note ?? null } : null);
    // The click path caches codes for a few seconds; this process applies the change at once.
    this.#lookups.clear();
    const row = await store.ambassadorListRow(ambassador.id);
    if (!row) throw new AmbassadorNotFoundError();
    return listItem(row);
  }

  async ambassadorsCsv(program: ProgramRecord): Promise<string> {
    const rows: string[][] = [['code', 'email', 'name', 'created_at', 'clicks', 'conversions', 'revenue', 'tier', 'blocked', 'fraud_flags']];
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const page = await this.#context.store.listAmbassadors(program.id, { q: null, sort: 'createdAt', order: 'asc', limit: EXPORT_PAGE, offset });
      for (const a of page.items) {
        rows.push([
          a.code,
          a.email,
          a.name ?? '',
          isoTime(a.createdAt),
          String(a.clicks),
          String(a.conversions),
          // One cell for every currency, e.g. "12.50 EUR; 3.00 USD": amounts are never converted.
          a.revenue.map((money) => `${decimalAmount(money.amount, money.currency)} ${money.currency}`).join('; '),
          a.tier ?? '',
          a.blockedAt === null ? 'no' : 'yes',
          String(a.fraudFlags),
        ]);
      }
      if (page.items.length < EXPORT_PAGE) break;
    }
    return toCsv(rows);
  }

  async referralsCsv(program: ProgramRecord): Promise<string> {
    const referrals = await this.#context.store.exportReferrals(program.id);
    return toCsv([
      ['ambassador_code', 'order_id', 'amount_minor', 'amount', 'refunded_minor', 'currency', 'via', 'created_at'],
      ...referrals.map((r) => [
        r.ambassadorCode,
        r.orderId,
        String(r.amount),
        decimalAmount(r.amount, r.currency),
        String(r.refundedAmount),
        r.currency,
        r.via ?? '',
        isoTime(r.createdAt),
      ]),
    ]);
  }

  async rewardsCsv(program: ProgramRecord): Promise<string> {
    const rewards = await this.#context.store.exportRewards(program.id);
    return toCsv([
      ['reward_id', 'ambassador_code', 'order_id', 'kind', 'purpose', 'amount_minor', 'original_amount_minor', 'currency', 'status', 'fraud_reasons', 'created_at'],
      ...rewards.map((r) => [
        String(r.id),
        r.ambassadorCode,
        r.orderId,
        r.kind,
        r.purpose,
        String(r.amount),
        String(r.originalAmount),
        r.currency,
        r.status,
        r.reasons,
        isoTime(r.createdAt),
      ]),
    ]);
  }
}

function listItem(row: AmbassadorListRow): AmbassadorListItem {
  return {
    code: row.code,
    name: row.name,
    email: row.email,
    createdAt: row.createdAt,
    clicks: row.clicks,
    conversions: row.conversions,
    revenue: row.revenue,
    tier: row.tier,
    blocked: row.blockedAt !== null,
    fraudFlags: row.fraudFlags,
  };
}
