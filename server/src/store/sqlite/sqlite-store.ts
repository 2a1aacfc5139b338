import type { Database } from 'better-sqlite3';
import {
  REWARD_LIST_LIMIT,
  type AmbassadorRecord,
  type AmbassadorSummary,
  type ClickBreakdown,
  type ClickRecord,
  type ConversionDetails,
  type ConversionRecord,
  type LedgerBalanceRecord,
  type LedgerEntryRecord,
  type OwnerReward,
  type PayoutRecord,
  type ProgramRecord,
  type ReferralBinding,
  type ReferralStanding,
  type RewardBalanceRecord,
  type RewardRecord,
  type DueDelivery,
  type WebhookAttempt,
  type WebhookDeliveryRecord,
  type WebhookEndpointRecord,
  type RulesVersionRecord,
} from '../records.ts';
import type { DeliveryOutcome } from '../../domain/webhook-retry.ts';
import type { PayableReward, PayoutItem } from '../../domain/payouts.ts';
import type { RewardRules } from '../../../../shared/src/reward-rules/rules.ts';
import type {
  AdminSessionRecord,
  AttributionSettings,
  ClickWrite,
  ClickWriteResult,
  CustomerKeys,
  InsertAmbassadorResult,
  LedgerContext,
  NewAmbassador,
  NewConversion,
  OrderStatusPlanner,
  PayoutSettler,
  PersonalBrowser,
  PersonalOrder,
  RefundPlanner,
  RewardFilter,
  RewardUpdate,
  RewardPlanning,
  RulesMirror,
  StandingQuery,
  Store,
} from '../store.ts';
import type { ContestReferrals, ContestStanding } from '../../../../shared/src/draws/contest-ranking.ts';
import type { RaffleEntrant } from '../../../../shared/src/draws/raffle-draw.ts';
import type { JoinPolicy } from '../records.ts';
import type {
  ContestRecord,
  FriendCouponRecord,
  InvitationRecord,
  NewContest,
  NewFriendCoupon,
  NewRaffle,
  RaffleRecord,
} from '../rules-records.ts';
import { createAdminSessions } from './admin-sessions.ts';
import { createProgramAttribution } from './program-attribution.ts';
import { ClickWriteThread } from './click-write-thread.ts';
import { createClickWriter } from './click-writes.ts';
import { createConversionWrites } from './conversion-writes.ts';
import { createDraws } from './draws.ts';
import { createFriendCoupons } from './friend-coupons.ts';
import { createJoining } from './joining.ts';
import { createRewardRules } from './reward-rules.ts';
import { createLedger } from './ledger.ts';
import { createOutbox } from './outbox.ts';
import { openDatabase } from './open-database.ts';
import { createPayouts } from './payouts.ts';
import { createPersonalData } from './personal-data.ts';
import { createReferralLookups } from './referral-lookups.ts';
import { createRewardBalances } from './reward-balances.ts';
import { createRewardWrites } from './reward-writes.ts';
import { createWebhookStore } from './webhook-store.ts';
import { createAmbassadorList } from './ambassador-list.ts';
import { createAnalyticsFigures } from './analytics-figures.ts';
import { createAnalyticsQueries } from './analytics-queries.ts';
import { createRollupReads } from './rollup-reads.ts';
import { createRollupSources } from './rollup-sources.ts';
import { CLICK_FACT_COLUMNS, createRollupWrites, type ClickFacts } from './rollup-writes.ts';
import type {
  AmbassadorListQuery,
  AmbassadorListRow,
  AnalyticsFacts,
  NewWidgetEvent,
  ReferralExportRow,
  RewardExportRow,
  TimeRange,
} from '../analytics-store.ts';
import { createWidgetStore } from './widget-store.ts';
import type { WidgetSettings } from '../../../../shared/src/wire.ts';
import {
  ambassadorFromRow,
  clickFromRow,
  programFromRow,
  programToRow,
  rewardWithOrderFromRow,
  type AmbassadorRow,
  type ClickRow,
  type ProgramLists,
  type ProgramRow,
  type RewardRow,
} from './row-mapping.ts';

/** Named parameters of the look-ups by ambassador and browser. */
type AmbassadorVisitor = { ambassadorId: number; visitorId: string };

export interface SqliteStoreOptions {
  /**
   * Where click batches are written: `thread` (default for files) keeps the commit's fsync off
   * the event loop; `inline` writes on the calling thread (the only choice for `:memory:`).
   */
  clickWriter?: 'thread' | 'inline';
  /** Distinct counts of the analytics are exact up to this many rows read (`EXACT_ROW_LIMIT`), then estimated. */
  exactRowLimit?: number;
}

/** Opens the database file (`:memory:` for a throwaway one), migrates it and wraps it. */
export function openSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  const inMemory = path === ':memory:' || path === '';
  const db = openDatabase(path);
  const clickWriter = inMemory ? 'inline' : (options.clickWriter ?? 'thread');
  return new SqliteStore(db, clickWriter === 'thread' ? new ClickWriteThread(path) : null, options);
}

/** The better-sqlite3 implementation of `Store`: prepared statements only, named parameters. */
export class SqliteStore implements Store {
  readonly #db: Database;
  readonly #writeClicksInline: ReturnType<typeof createClickWriter>;
  readonly #clickThread: ClickWriteThread | null;
  readonly #outbox: ReturnType<typeof createOutbox>;
  readonly #webhooks: ReturnType<typeof createWebhookStore>;
  readonly #payouts: ReturnType<typeof createPayouts>;
  readonly #ledger: ReturnType<typeof createLedger>;
  readonly #conversions: ReturnType<typeof createConversionWrites>;
  readonly #friendCoupons: ReturnType<typeof createFriendCoupons>;
  readonly #joining: ReturnType<typeof createJoining>;
  readonly #draws: ReturnType<typeof createDraws>;
  readonly #rewards: ReturnType<typeof createRewardWrites>;
  readonly #balances: ReturnType<typeof createRewardBalances>;
  readonly #rules: ReturnType<typeof createRewardRules>;
  readonly #referrals: ReturnType<typeof createReferralLookups>;
  readonly #personalData: ReturnType<typeof createPersonalData>;
  readonly #adminSessions: ReturnType<typeof createAdminSessions>;
  readonly #attribution: ReturnType<typeof createProgramAttribution>;
  readonly #rollups: ReturnType<typeof createRollupWrites>;
  readonly #analytics: ReturnType<typeof createAnalyticsQueries>;
  readonly #figures: ReturnType<typeof createAnalyticsFigures>;
  readonly #ambassadorList: ReturnType<typeof createAmbassadorList>;
  readonly #widget: ReturnType<typeof createWidgetStore>;
  readonly #sql;

  /** With a `clickThread`, click batches go there; otherwise they are written on this connection. */
  constructor(db: Database, clickThread: ClickWriteThread | null = null, options: Pick<SqliteStoreOptions, 'exactRowLimit'> = {}) {
    this.#db = db;
    const rollupSources = createRollupSources(db);
    this.#rollups = createRollupWrites(db, rollupSources);
    this.#writeClicksInline = createClickWriter(db, this.#rollups);
    this.#clickThread = clickThread;
    this.#outbox = createOutbox(db);
    this.#webhooks = createWebhookStore(db);
    this.#ledger = createLedger(db, this.#outbox);
    this.#friendCoupons = createFriendCoupons(db);
    this.#joining = createJoining(db);
    this.#draws = createDraws(db);
    this.#conversions = createConversionWrites(
      db,
      this.#ledger,
      this.#outbox,
      (query) => this.#rules.standing(query),
      (code, conversionId, at) => this.#friendCoupons.claim(code, conversionId, at),
      this.#rollups,
    );
    this.#rewards = createRewardWrites(db, this.#ledger);
    this.#balances = createRewardBalances(db);
    this.#payouts = createPayouts(db, this.#ledger);
    this.#rules = createRewardRules(db);
    this.#referrals = createReferralLookups(db);
    this.#personalData = createPersonalData(db, this.#rollups);
    this.#adminSessions = createAdminSessions(db);
    this.#attribution = createProgramAttribution(db);
    this.#analytics = createAnalyticsQueries(db, this.#rollups);
    this.#figures = createAnalyticsFigures(this.#analytics.queries, createRollupReads(db, rollupSources), options);
    this.#ambassadorList = createAmbassadorList(db);
    this.#widget = createWidgetStore(db, this.#ledger);
    this.#sql = {
      ping: db.prepare('SELECT 1').pluck(),
      upsertProgram: db.prepare(
        `INSERT INTO programs (id, name, landing_url, secret_hash, identity_key, reward_basis_points,
           friend_discount_percent, attribution_window_ms, dedup_window_ms, attribution_model,
           coupon_beats_cookie, recurring_months, hold_period_ms, hold_starts_at, velocity_limit,
           velocity_window_ms, preview_image_url, created_at)
         VALUES (@id, @name, @landing_url, @secret_hash, @identity_key, @reward_basis_points,
           @friend_discount_percent, @attribution_window_ms, @dedup_window_ms, @attribution_model,
           @coupon_beats_cookie, @recurring_months, @hold_period_ms, @hold_starts_at, @velocity_limit,
           @velocity_window_ms, @preview_image_url, @created_at)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, landing_url = excluded.landing_url,
           secret_hash = excluded.secret_hash, identity_key = excluded.identity_key,
           reward_basis_points = excluded.reward_basis_points,
           friend_discount_percent = excluded.friend_discount_percent,
           attribution_window_ms = excluded.attribution_window_ms, dedup_window_ms = excluded.dedup_window_ms,
           attribution_model = excluded.attribution_model, coupon_beats_cookie = excluded.coupon_beats_cookie,
           recurring_months = excluded.recurring_months, hold_period_ms = excluded.hold_period_ms,
           hold_starts_at = excluded.hold_starts_at, velocity_limit = excluded.velocity_limit,
           velocity_window_ms = excluded.velocity_window_ms, preview_image_url = excluded.preview_image_url`,
      ),
      deleteOrigins: db.prepare<[string]>('DELETE FROM program_origins WHERE program_id = ?'),
      insertOrigin: db.prepare<{ programId: string; origin: string }>(
        'INSERT OR IGNORE INTO program_origins (program_id, origin) VALUES (@programId, @origin)',
      ),
      deleteFraudActions: db.prepare<[string]>('DELETE FROM program_fraud_actions WHERE program_id = ?'),
      insertFraudAction: db.prepare<{ programId: string; rule: string; action: string }>(
        'INSERT INTO program_fraud_actions (program_id, rule, action) VALUES (@programId, @rule, @action)',
      ),
      deleteBlockedReferrers: db.prepare<[string]>('DELETE FROM program_blocked_referrers WHERE program_id = ?'),
      insertBlockedReferrer: db.prepare<{ programId: string; domain: string }>(
        'INSERT OR IGNORE INTO program_blocked_referrers (program_id, domain) VALUES (@programId, @domain)',
      ),
      fraudActionsOf: db.prepare<[string], ProgramLists['fraudActions'][number]>(
        'SELECT rule, action FROM program_fraud_actions WHERE program_id = ?',
      ),
      blockedReferrersOf: db
        .prepare<[string], string>('SELECT domain FROM program_blocked_referrers WHERE program_id = ? ORDER BY domain')
        .pluck(),
      programById: db.prepare<[string], ProgramRow>('SELECT * FROM programs WHERE id = ?'),
      programBySecretHash: db.prepare<[string], ProgramRow>('SELECT * FROM programs WHERE secret_hash = ?'),
      originsOf: db.prepare<[string], string>('SELECT origin FROM program_origins WHERE program_id = ? ORDER BY origin').pluck(),
      originAllowedAnywhere: db.prepare<[string], number>('SELECT 1 FROM program_origins WHERE origin = ? LIMIT 1').pluck(),
      insertAmbassador: db.prepare(
        `INSERT INTO ambassadors (program_id, code, email, email_normalised, name, customer_id, created_at, confirmed)
         VALUES (@programId, @code, @email, @emailNormalised, @name, @customerId, @createdAt, @confirmed)
         ON CONFLICT (program_id, email_normalised) DO NOTHING`,
      ),
      fillAmbassador: db.prepare(
        `UPDATE ambassadors SET name = COALESCE(name, @name), customer_id = COALESCE(customer_id, @customerId)
         WHERE program_id = @programId AND email_normalised = @emailNormalised`,
      ),
      ambassadorByEmail: db.prepare<{ programId: string; emailNormalised: string }, AmbassadorRow>(
        'SELECT * FROM ambassadors WHERE program_id = @programId AND email_normalised = @emailNormalised',
      ),
      // An erased ambassador's code leads nowhere.
      ambassadorByCode: db.prepare<[string], AmbassadorRow>('SELECT * FROM ambassadors WHERE code = ? AND erased_at IS NULL'),
      ambassadorById: db.prepare<[number], AmbassadorRow>('SELECT * FROM ambassadors WHERE id = ?'),
      insertVisitor: db.prepare<AmbassadorVisitor & { at: number }>(
        `INSERT OR IGNORE INTO ambassador_visitors (ambassador_id, visitor_id, first_seen_at)
         VALUES (@ambassadorId, @visitorId, @at)`,
      ),
      flagSelfClicks: db.prepare<AmbassadorVisitor, ClickFacts>(
        `UPDATE clicks SET self = 1 WHERE ambassador_id = @ambassadorId AND visitor_id = @visitorId AND self = 0
         RETURNING ${CLICK_FACT_COLUMNS}`,
      ),
      isVisitor: db
        .prepare<AmbassadorVisitor, number>(
          'SELECT 1 FROM ambassador_visitors WHERE ambassador_id = @ambassadorId AND visitor_id = @visitorId',
        )
        .pluck(),
      boughtThrough: db
        .prepare<AmbassadorVisitor, number>(
          `SELECT 1 FROM conversions
           WHERE ambassador_id = @ambassadorId AND attributed = 1 AND visitor_id = @visitorId LIMIT 1`,
        )
        .pluck(),
      countedClicks: db
        .prepare<[number], number>('SELECT count(*) FROM clicks WHERE ambassador_id = ? AND counted = 1 AND self = 0')
        .pluck(),
      boughtConversions: db
        .prepare<[number], number>(
          `SELECT count(*) FROM conversions WHERE ambassador_id = ? AND attributed = 1 AND status <> 'refunded'`,
        )
        .pluck(),
      rewards: db.prepare<{ ambassadorId: number; limit: number }, RewardRow & { order_id: string }>(
        `SELECT r.*, c.order_id FROM rewards r JOIN conversions c ON c.id = r.conversion_id
         WHERE r.ambassador_id = @ambassadorId ORDER BY r.created_at DESC, r.id DESC LIMIT @limit`,
      ),
      clickById: db.prepare<{ clickId: string; programId: string }, ClickRow>(
        'SELECT * FROM clicks WHERE id = @clickId AND program_id = @programId',
      ),
      latestClick: db.prepare<AmbassadorVisitor, ClickRow>(
        `SELECT * FROM clicks WHERE ambassador_id = @ambassadorId AND visitor_id = @visitorId
         ORDER BY created_at DESC LIMIT 1`,
      ),
    };
  }

  async ping(): Promise<void> {
    this.#sql.ping.get();
  }

  async close(): Promise<void> {
    await this.#clickThread?.close();
    if (this.#db.open) this.#db.close();
  }

  async saveProgram(program: ProgramRecord): Promise<void> {
    this.#db
      .transaction(() => {
        this.#sql.upsertProgram.run(programToRow(program));
        this.#replaceOrigins(program.id, program.allowedOrigins);
        this.#sql.deleteFraudActions.run(program.id);
        for (const [rule, action] of Object.entries(program.fraudActions)) {
          this.#sql.insertFraudAction.run({ programId: program.id, rule, action });
        }
        this.#sql.deleteBlockedReferrers.run(program.id);
        for (const domain of program.blockedReferrerDomains) this.#sql.insertBlockedReferrer.run({ programId: program.id, domain });
      })
      .immediate();
  }

  async setAllowedOrigins(programId: string, origins: readonly string[]): Promise<boolean> {
    return this.#db
      .transaction(() => {
        if (!this.#sql.programById.get(programId)) return false;
        this.#replaceOrigins(programId, origins);
        return true;
      })
      .immediate();
  }

  /** Call inside a transaction. */
  #replaceOrigins(programId: string, origins: readonly string[]): void {
    this.#sql.deleteOrigins.run(programId);
    for (const origin of origins) this.#sql.insertOrigin.run({ programId, origin });
  }

  async getProgram(id: string): Promise<ProgramRecord | null> {
    const row = this.#sql.programById.get(id);
    return row ? this.#program(row) : null;
  }

  async findProgramBySecretHash(secretHash: string): Promise<ProgramRecord | null> {
    const row = this.#sql.programBySecretHash.get(secretHash);
    return row ? this.#program(row) : null;
  }

  #program(row: ProgramRow): ProgramRecord {
    return programFromRow(row, {
      allowedOrigins: this.#sql.originsOf.all(row.id),
      fraudActions: this.#sql.fraudActionsOf.all(row.id),
      blockedReferrerDomains: this.#sql.blockedReferrersOf.all(row.id),
    });
  }

  async saveRules(programId: string, rules: RewardRules, mirror: RulesMirror, at: number): Promise<RulesVersionRecord> {
    return this.#rules.save(programId, rules, mirror, at);
  }

  async currentRules(programId: string): Promise<RulesVersionRecord | null> {
    return this.#rules.current(programId);
  }

  async getRules(programId: string, version: number): Promise<RulesVersionRecord | null> {
    return this.#rules.version(programId, version);
  }

  async listRulesVersions(programId: string): Promise<Array<{ version: number; createdAt: number }>> {
    return this.#rules.versions(programId);
  }

  async setRewardChoices(ambassadorId: number, choices: { tier?: string | null; friendSharePercent?: number | null }): Promise<void> {
    this.#rules.setChoices(ambassadorId, choices);
  }

  async referralStanding(query: StandingQuery): Promise<ReferralStanding> {
    return this.#rules.standing(query);
  }

  async isOriginAllowedByAnyProgram(origin: string): Promise<boolean> {
    return this.#sql.originAllowedAnywhere.get(origin) === 1;
  }

  async insertAmbassador(ambassador: NewAmbassador): Promise<InsertAmbassadorResult> {
    try {
      return this.#db
        .transaction((): InsertAmbassadorResult => {
          const { joinTokenHash, confirmed, ...fields } = ambassador;
          const inserted = this.#sql.insertAmbassador.run({ ...fields, confirmed: confirmed === false ? 0 : 1 });
          if (inserted.changes === 0) this.#sql.fillAmbassador.run(fields);
          const row = this.#sql.ambassadorByEmail.get({
            programId: ambassador.programId,
            emailNormalised: ambassador.emailNormalised,
          });
          if (!row) throw new Error('ambassador vanished inside its own transaction');
          if (inserted.changes === 1) {
            if (joinTokenHash) this.#widget.insertToken(joinTokenHash, row.id, ambassador.createdAt);
            const { code, email, name, customerId, createdAt } = ambassadorFromRow(row);
            this.#outbox.enqueue(ambassador.programId, 'ambassador.created', { ambassador: { code, email, name, customerId, createdAt } }, ambassador.createdAt);
          }
          return { status: inserted.changes === 1 ? 'created' : 'existing', ambassador: ambassadorFromRow(row) };
        })
        .immediate();
    } catch (error) {
      // The (program, email) conflict is handled by ON CONFLICT, so a unique violation is the code.
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return { status: 'code_taken' };
      throw error;
    }
  }

  async findAmbassadorByCode(code: string): Promise<AmbassadorRecord | null> {
    const row = this.#sql.ambassadorByCode.get(code);
    return row ? ambassadorFromRow(row) : null;
  }

  async getAmbassador(id: number): Promise<AmbassadorRecord | null> {
    const row = this.#sql.ambassadorById.get(id);
    return row ? ambassadorFromRow(row) : null;
  }

  async addAmbassadorVisitor(ambassadorId: number, visitorId: string, at: number): Promise<void> {
    this.#db
      .transaction(() => {
        const added = this.#sql.insertVisitor.run({ ambassadorId, visitorId, at });
        if (added.changes === 0) return;
        // The browser's earlier clicks stop counting: out of the roll-ups with them.
        const rollup = this.#rollups.batch();
        for (const flagged of this.#sql.flagSelfClicks.all({ ambassadorId, visitorId })) rollup.clickChanged({ ...flagged, self: 0 }, flagged);
        rollup.flush();
      })
      .immediate();
  }

  async isAmbassadorVisitor(ambassadorId: number, visitorId: string): Promise<boolean> {
    return this.#sql.isVisitor.get({ ambassadorId, visitorId }) === 1;
  }

  async hasBoughtThrough(ambassadorId: number, visitorId: string): Promise<boolean> {
    return this.#sql.boughtThrough.get({ ambassadorId, visitorId }) === 1;
  }

  async summariseAmbassador(ambassadorId: number): Promise<AmbassadorSummary> {
    // One read transaction, so the counts and the totals describe the same moment.
    return this.#db.transaction(() => ({
      clicks: this.#sql.countedClicks.get(ambassadorId) ?? 0,
      conversions: this.#sql.boughtConversions.get(ambassadorId) ?? 0,
      rewards: this.#sql.rewards.all({ ambassadorId, limit: REWARD_LIST_LIMIT }).map(rewardWithOrderFromRow),
      // Held rewards are shown to the ambassador as pending: under review is still on its way.
      totals: this.#ledger
        .balancesOf(ambassadorId)
        .map(({ currency, held, pending, approved, paid }) => ({ currency, pending: held + pending, approved, paid })),
    }))();
  }

  async recordClicks(writes: ClickWrite[]): Promise<Array<ClickWriteResult | Error>> {
    return this.#clickThread ? this.#clickThread.write(writes) : this.#writeClicksInline(writes);
  }

  async findClick(programId: string, clickId: string): Promise<ClickRecord | null> {
    const row = this.#sql.clickById.get({ clickId, programId });
    return row ? clickFromRow(row) : null;
  }

  async findLatestClick(ambassadorId: number, visitorId: string): Promise<ClickRecord | null> {
    const row = this.#sql.latestClick.get({ ambassadorId, visitorId });
    return row ? clickFromRow(row) : null;
  }

  async summariseClicks(programId: string, range: { from: number; to: number }): Promise<ClickBreakdown> {
    const params = { programId, from: range.from, to: range.to };
    // One read transaction: the roll-ups of whole days and the raw rows of partial ones agree.
    return this.#db.transaction(() => this.#figures.clickBreakdown(params))();
  }

  async findConversion(programId: string, orderId: string): Promise<ConversionDetails | null> {
    return this.#conversions.find(programId, orderId);
  }

  async recordConversion(conversion: NewConversion, planning: RewardPlanning | null = null): Promise<{ created: boolean; conversion: ConversionDetails }> {
    return this.#conversions.record(conversion, planning);
  }

  async findFirstClick(programId: string, visitorId: string, since: number): Promise<ClickRecord | null> {
    return this.#referrals.findFirstClick(programId, visitorId, since);
  }

  async bindReferral(binding: ReferralBinding): Promise<void> {
    this.#referrals.bindReferral(binding);
  }

  async findReferralBinding(
    programId: string,
    customer: CustomerKeys,
    since: number,
    which: 'first' | 'last',
  ): Promise<ReferralBinding | null> {
    return this.#referrals.findReferralBinding(programId, customer, since, which);
  }

  async findFirstConversionOf(programId: string, customer: CustomerKeys & { visitorId: string | null }): Promise<ConversionRecord | null> {
    return this.#referrals.findFirstConversionOf(programId, customer);
  }

  async addAmbassadorFingerprint(ambassadorId: number, ipUaHash: string, at: number): Promise<void> {
    this.#referrals.addAmbassadorFingerprint(ambassadorId, ipUaHash, at);
  }

  async hasAmbassadorFingerprint(ambassadorId: number, ipUaHashes: readonly string[]): Promise<boolean> {
    return this.#referrals.hasAmbassadorFingerprint(ambassadorId, ipUaHashes);
  }

  async countReferredConversionsFromIp(programId: string, ipHashes: readonly string[], since: number): Promise<number> {
    return this.#referrals.countReferredConversionsFromIp(programId, ipHashes, since);
  }

  async applyRefund(
    programId: string,
    orderId: string,
    refundId: string | null,
    plan: RefundPlanner,
    entry: LedgerContext,
  ): Promise<ConversionDetails | null> {
    return this.#conversions.refund(programId, orderId, refundId, plan, entry);
  }

  async applyOrderStatus(programId: string, orderId: string, plan: OrderStatusPlanner, entry: LedgerContext): Promise<ConversionDetails | null> {
    return this.#conversions.orderStatus(programId, orderId, plan, entry);
  }

  async listRewards(programId: string, filter: RewardFilter, limit: number): Promise<OwnerReward[]> {
    return this.#rewards.list(programId, filter, limit);
  }

  async rewardBalances(programId: string, ambassadorId: number | null): Promise<RewardBalanceRecord[]> {
    return this.#balances.of(programId, ambassadorId);
  }

  async changeReward(
    programId: string,
    rewardId: number,
    plan: (reward: RewardRecord) => RewardUpdate | null,
    entry: LedgerContext,
  ): Promise<{ reward: OwnerReward; changed: boolean } | null> {
    return this.#rewards.change(programId, rewardId, plan, entry);
  }

  async approveDueRewards(programId: string | null, entry: LedgerContext, limit: number): Promise<number> {
    return this.#rewards.approveDue(programId, entry, limit);
  }

  async getWidgetSettings(programId: string): Promise<WidgetSettings | null> {
    return this.#widget.settings(programId);
  }

  async saveWidgetSettings(programId: string, settings: WidgetSettings, at: number): Promise<void> {
    this.#widget.saveSettings(programId, settings, at);
  }

  async findAmbassadorByJoinToken(programId: string, tokenHash: string): Promise<AmbassadorRecord | null> {
    return this.#widget.byToken(programId, tokenHash);
  }

  async confirmAmbassador(
    ambassadorId: number,
    plan: (reward: RewardRecord) => RewardUpdate | null,
    entry: LedgerContext,
  ): Promise<{ changed: boolean; released: number }> {
    return this.#widget.confirm(ambassadorId, plan, entry);
  }

  async successfulReferrals(ambassadorId: number): Promise<number> {
    return this.#widget.successfulReferrals(ambassadorId);
  }

  async leaderboard(programId: string, limit: number): Promise<Array<{ ambassador: AmbassadorRecord; referrals: number }>> {
    return this.#widget.leaderboard(programId, limit);
  }

  async ledgerOf(ambassadorId: number): Promise<{ entries: LedgerEntryRecord[]; balances: LedgerBalanceRecord[] }> {
    return this.#db.transaction(() => ({
      entries: this.#ledger.entriesOf(ambassadorId),
      balances: this.#ledger.balancesOf(ambassadorId),
    }))();
  }

  async personalDataOf(ambassador: AmbassadorRecord): Promise<{ browsers: PersonalBrowser[]; orders: PersonalOrder[] }> {
    return this.#db.transaction(() => ({
      browsers: this.#personalData.browsers(ambassador.id),
      orders: this.#personalData.ownOrders({
        programId: ambassador.programId,
        emailNormalised: ambassador.emailNormalised,
        customerId: ambassador.customerId,
      }),
    }))();
  }

  async eraseAmbassador(ambassador: AmbassadorRecord, at: number): Promise<boolean> {
    return this.#personalData.erase(
      {
        ambassadorId: ambassador.id,
        programId: ambassador.programId,
        emailNormalised: ambassador.emailNormalised,
        customerId: ambassador.customerId,
      },
      at,
    );
  }

  async saveWebhookEndpoint(programId: string, url: string, events: string, secret: string, at: number): Promise<WebhookEndpointRecord> {
    return this.#webhooks.saveEndpoint(programId, url, events, secret, at);
  }

  async listWebhookEndpoints(programId: string): Promise<WebhookEndpointRecord[]> {
    return this.#webhooks.endpoints(programId);
  }

  async deleteWebhookEndpoint(programId: string, endpointId: number, at: number): Promise<boolean> {
    return this.#webhooks.deleteEndpoint(programId, endpointId, at);
  }

  async dueWebhookDeliveries(now: number, limit: number): Promise<Array<DueDelivery & { giveUpAt: number }>> {
    return this.#webhooks.due(now, limit);
  }

  async recordWebhookAttempt(attempt: WebhookAttempt & { deliveryId: number }, outcome: DeliveryOutcome): Promise<void> {
    this.#webhooks.recordAttempt(attempt, outcome);
  }

  async listWebhookDeliveries(programId: string, endpointId: number, limit: number): Promise<WebhookDeliveryRecord[]> {
    return this.#webhooks.deliveries(programId, endpointId, limit);
  }

  async redeliverWebhook(programId: string, deliveryId: number, at: number, giveUpAt: number): Promise<boolean> {
    return this.#webhooks.redeliver(programId, deliveryId, at, giveUpAt);
  }

  async createPayout(
    programId: string,
    currency: string,
    minimumAmount: number,
    plan: (rewards: PayableReward[]) => PayoutItem[],
    at: number,
  ): Promise<PayoutRecord | null> {
    return this.#payouts.create(programId, currency, minimumAmount, plan, at);
  }

  async getPayout(programId: string, payoutId: number): Promise<PayoutRecord | null> {
    return this.#payouts.find(programId, payoutId);
  }

  async listPayouts(programId: string, limit: number): Promise<PayoutRecord[]> {
    return this.#payouts.list(programId, limit);
  }

  async markPayoutPaid(programId: string, payoutId: number, settle: PayoutSettler, entry: LedgerContext): Promise<PayoutRecord | null> {
    return this.#payouts.markPaid(programId, payoutId, settle, entry);
  }

  async cancelPayout(programId: string, payoutId: number, at: number): Promise<PayoutRecord | null> {
    return this.#payouts.cancel(programId, payoutId, at);
  }

  async setAttribution(programId: string, settings: AttributionSettings): Promise<boolean> {
    return this.#attribution.set(programId, settings);
  }

  async createAdminSession(session: AdminSessionRecord): Promise<void> {
    this.#adminSessions.insert(session);
  }

  async findAdminSession(tokenHash: string, now: number): Promise<AdminSessionRecord | null> {
    return this.#adminSessions.find(tokenHash, now);
  }

  async deleteAdminSession(tokenHash: string): Promise<boolean> {
    return this.#adminSessions.delete(tokenHash);
  }

  async deleteExpiredAdminSessions(now: number): Promise<number> {
    return this.#adminSessions.deleteExpired(now);
  }

  // The owner's dashboard (AnalyticsStore)

  async recordWidgetEvents(events: NewWidgetEvent[]): Promise<void> {
    this.#analytics.recordWidgetEvents(events);
  }

  async analyticsFacts(programId: string, range: TimeRange): Promise<AnalyticsFacts> {
    const params = { programId, from: range.from, to: range.to };
    // One read transaction: every figure describes the same moment.
    return this.#db.transaction((): AnalyticsFacts => this.#figures.facts(params))();
  }

  async listAmbassadors(programId: string, query: AmbassadorListQuery): Promise<{ items: AmbassadorListRow[]; total: number }> {
    return this.#ambassadorList.list(programId, query);
  }

  async ambassadorListRow(ambassadorId: number): Promise<AmbassadorListRow | null> {
    return this.#ambassadorList.one(ambassadorId);
  }

  // Blocking stops the ambassador's future clicks and orders from counting, which their writes
  // decide; the clicks and orders already counted stay as they were, and so do the roll-ups.
  async setAmbassadorBlocked(ambassadorId: number, blocked: { at: number; note: string | null } | null): Promise<AmbassadorRecord | null> {
    return this.#db
      .transaction(() => {
        this.#ambassadorList.setBlocked(ambassadorId, blocked);
        const row = this.#sql.ambassadorById.get(ambassadorId);
        return row ? ambassadorFromRow(row) : null;
      })
      .immediate();
  }

  async exportReferrals(programId: string): Promise<ReferralExportRow[]> {
    return this.#ambassadorList.referrals(programId);
  }

  async exportRewards(programId: string): Promise<RewardExportRow[]> {
    return this.#ambassadorList.rewards(programId);
  }

  async issueFriendCoupon(coupon: NewFriendCoupon): Promise<FriendCouponRecord | 'code_taken'> {
    return this.#friendCoupons.issue(coupon);
  }

  async findFriendCoupon(programId: string, code: string): Promise<FriendCouponRecord | null> {
    return this.#friendCoupons.find(programId, code);
  }

  async findAmbassadorByEmail(programId: string, emailNormalised: string): Promise<AmbassadorRecord | null> {
    return this.#widget.byEmail(programId, emailNormalised);
  }

  async setJoinPolicy(programId: string, policy: JoinPolicy): Promise<void> {
    this.#joining.setPolicy(programId, policy);
  }

  async invite(programId: string, email: string, emailNormalised: string, at: number): Promise<{ invitation: InvitationRecord; created: boolean }> {
    return this.#joining.invite(programId, email, emailNormalised, at);
  }

  async isInvited(programId: string, emailNormalised: string): Promise<boolean> {
    return this.#joining.isInvited(programId, emailNormalised);
  }

  async listInvitations(programId: string): Promise<InvitationRecord[]> {
    return this.#joining.list(programId);
  }

  async uninvite(programId: string, emailNormalised: string): Promise<boolean> {
    return this.#joining.uninvite(programId, emailNormalised);
  }

  async hasPurchased(programId: string, customer: CustomerKeys): Promise<boolean> {
    return this.#joining.hasPurchased(programId, customer);
  }

  async raffleEntries(programId: string, from: number | null, to: number | null): Promise<RaffleEntrant[]> {
    return this.#draws.raffleEntries(programId, from, to);
  }

  async saveRaffle(raffle: NewRaffle): Promise<RaffleRecord> {
    return this.#draws.saveRaffle(raffle);
  }

  async getRaffle(programId: string, id: number): Promise<RaffleRecord | null> {
    return this.#draws.getRaffle(programId, id);
  }

  async contestReferrals(programId: string, from: number, to: number): Promise<ContestReferrals[]> {
    return this.#draws.contestReferrals(programId, from, to);
  }

  async saveContest(contest: NewContest): Promise<ContestRecord> {
    return this.#draws.saveContest(contest);
  }

  async getContest(programId: string, id: number): Promise<ContestRecord | null> {
    return this.#draws.getContest(programId, id);
  }

  async listContests(programId: string): Promise<ContestRecord[]> {
    return this.#draws.listContests(programId);
  }

  async settleContest(
    programId: string,
    id: number,
    rank: (referrals: ContestReferrals[]) => ContestStanding[],
    at: number,
  ): Promise<ContestRecord | null> {
    return this.#draws.settleContest(programId, id, rank, at);
  }
}
