import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The shop's own records: customers and orders. The columns under "sarafan_" are what a shop needs
 * to keep Sarafan in step with its orders: whether the conversion and the refund were reported,
 * and what Sarafan answered (attribution), so that a Sarafan outage never costs an order.
 */

export interface Customer {
  id: number;
  email: string;
  name: string | null;
  /** The customer's Sarafan referral code, remembered after the first lookup. */
  ambassadorCode: string | null;
  createdAt: number;
}

export interface OrderItem {
  sku: string;
  name: string;
  category: string;
  unitPrice: number;
  quantity: number;
  /** unitPrice × quantity */
  amount: number;
}

export type OrderStatus = 'paid' | 'refunded';

export interface SarafanSync {
  /** When Sarafan acknowledged the conversion; null while it is still to be reported. */
  reportedAt: number | null;
  attempts: number;
  lastError: string | null;
  attributed: boolean | null;
  ambassadorCode: string | null;
  refundReportedAt: number | null;
}

export interface Order {
  id: string;
  customerId: number;
  email: string;
  name: string | null;
  currency: string;
  subtotal: number;
  discount: number;
  total: number;
  couponCode: string | null;
  referral: { code: string; clickId: string } | null;
  visitorId: string | null;
  status: OrderStatus;
  createdAt: number;
  refundedAt: number | null;
  items: OrderItem[];
  sarafan: SarafanSync;
}

export type NewOrder = Omit<Order, 'status' | 'refundedAt' | 'sarafan'>;

// Forward-only: a database at version N runs migrations N+1… in order. Never edit a shipped one.
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE customers (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     email TEXT NOT NULL UNIQUE,
     name TEXT,
     ambassador_code TEXT,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE orders (
     id TEXT PRIMARY KEY,
     customer_id INTEGER NOT NULL REFERENCES customers(id),
     email TEXT NOT NULL,
     name TEXT,
     currency TEXT NOT NULL,
     subtotal INTEGER NOT NULL,
     discount INTEGER NOT NULL,
     total INTEGER NOT NULL,
     coupon_code TEXT,
     referral_code TEXT,
     referral_click_id TEXT,
     visitor_id TEXT,
     status TEXT NOT NULL CHECK (status IN ('paid', 'refunded')),
     created_at INTEGER NOT NULL,
     refunded_at INTEGER,
     sarafan_reported_at INTEGER,
     sarafan_attempts INTEGER NOT NULL DEFAULT 0,
     sarafan_last_error TEXT,
     sarafan_attributed INTEGER,
     sarafan_ambassador_code TEXT,
     sarafan_refund_reported_at INTEGER
   );
   CREATE INDEX orders_by_customer ON orders (customer_id, created_at);
   CREATE TABLE order_items (
     order_id TEXT NOT NULL REFERENCES orders(id),
     line INTEGER NOT NULL,
     sku TEXT NOT NULL,
     name TEXT NOT NULL,
     category TEXT NOT NULL,
     unit_price INTEGER NOT NULL,
     quantity INTEGER NOT NULL,
     amount INTEGER NOT NULL,
     PRIMARY KEY (order_id, line)
   );`,
  // Store credit the shop grants when Sarafan approves a referral reward (webhook reward.approved).
  `CREATE TABLE store_credits (
     event_id TEXT PRIMARY KEY,
     ambassador_code TEXT NOT NULL,
     reward_id INTEGER NOT NULL,
     amount INTEGER NOT NULL,
     currency TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX store_credits_by_ambassador ON store_credits (ambassador_code);`,
];

interface CustomerRow {
  id: number;
  email: string;
  name: string | null;
  ambassador_code: string | null;
  created_at: number;
}

interface OrderRow {
  id: string;
  customer_id: number;
  email: string;
  name: string | null;
  currency: string;
  subtotal: number;
  discount: number;
  total: number;
  coupon_code: string | null;
  referral_code: string | null;
  referral_click_id: string | null;
  visitor_id: string | null;
  status: OrderStatus;
  created_at: number;
  refunded_at: number | null;
  sarafan_reported_at: number | null;
  sarafan_attempts: number;
  sarafan_last_error: string | null;
  sarafan_attributed: number | null;
  sarafan_ambassador_code: string | null;
  sarafan_refund_reported_at: number | null;
}

interface ItemRow {
  sku: string;
  name: string;
  category: string;
  unit_price: number;
  quantity: number;
  amount: number;
}

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    ambassadorCode: row.ambassador_code,
    createdAt: row.created_at,
  };
}

function toOrder(row: OrderRow, items: ItemRow[]): Order {
  return {
    id: row.id,
    customerId: row.customer_id,
    email: row.email,
    name: row.name,
    currency: row.currency,
    subtotal: row.subtotal,
    discount: row.discount,
    total: row.total,
    couponCode: row.coupon_code,
    referral:
      row.referral_code && row.referral_click_id ? { code: row.referral_code, clickId: row.referral_click_id } : null,
    visitorId: row.visitor_id,
    status: row.status,
    createdAt: row.created_at,
    refundedAt: row.refunded_at,
    items: items.map((item) => ({
      sku: item.sku,
      name: item.name,
      category: item.category,
      unitPrice: item.unit_price,
      quantity: item.quantity,
      amount: item.amount,
    })),
    sarafan: {
      reportedAt: row.sarafan_reported_at,
      attempts: row.sarafan_attempts,
      lastError: row.sarafan_last_error,
      attributed: row.sarafan_attributed === null ? null : row.sarafan_attributed === 1,
      ambassadorCode: row.sarafan_ambassador_code,
      refundReportedAt: row.sarafan_refund_reported_at,
    },
  };
}

/** Customer e-mail addresses are matched case-insensitively, as mail servers do for the domain. */
export function customerEmailKey(email: string): string {
  return email.trim().toLowerCase();
}

export class ShopStore {
  readonly #db: Database.Database;
  readonly #statements;

  private constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = {
      getSetting: db.prepare<{ key: string }, { value: string }>('SELECT value FROM settings WHERE key = @key'),
      putSetting: db.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (@key, @value)'),
      replaceSetting: db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (@key, @value)'),
      insertCredit: db.prepare(
        `INSERT OR IGNORE INTO store_credits (event_id, ambassador_code, reward_id, amount, currency, created_at)
         VALUES (@eventId, @ambassadorCode, @rewardId, @amount, @currency, @createdAt)`,
      ),
      creditOf: db.prepare<{ ambassadorCode: string }, { currency: string; amount: number }>(
        `SELECT currency, SUM(amount) AS amount FROM store_credits WHERE ambassador_code = @ambassadorCode
         GROUP BY currency ORDER BY currency`,
      ),
      customerById: db.prepare<{ id: number }, CustomerRow>('SELECT * FROM customers WHERE id = @id'),
      customerByEmail: db.prepare<{ email: string }, CustomerRow>('SELECT * FROM customers WHERE email = @email'),
      insertCustomer: db.prepare(
        'INSERT INTO customers (email, name, created_at) VALUES (@email, @name, @createdAt) ON CONFLICT (email) DO NOTHING',
      ),
      updateCustomerName: db.prepare('UPDATE customers SET name = @name WHERE id = @id'),
      setAmbassadorCode: db.prepare('UPDATE customers SET ambassador_code = @code WHERE id = @id'),
      insertOrder: db.prepare(
        `INSERT INTO orders (id, customer_id, email, name, currency, subtotal, discount, total, coupon_code,
           referral_code, referral_click_id, visitor_id, status, created_at)
         VALUES (@id, @customerId, @email, @name, @currency, @subtotal, @discount, @total, @couponCode,
           @referralCode, @referralClickId, @visitorId, 'paid', @createdAt)`,
      ),
      insertItem: db.prepare(
        `INSERT INTO order_items (order_id, line, sku, name, category, unit_price, quantity, amount)
         VALUES (@orderId, @line, @sku, @name, @category, @unitPrice, @quantity, @amount)`,
      ),
      orderById: db.prepare<{ id: string }, OrderRow>('SELECT * FROM orders WHERE id = @id'),
      itemsOf: db.prepare<{ orderId: string }, ItemRow>(
        'SELECT sku, name, category, unit_price, quantity, amount FROM order_items WHERE order_id = @orderId ORDER BY line',
      ),
      ordersOfCustomer: db.prepare<{ customerId: number }, OrderRow>(
        'SELECT * FROM orders WHERE customer_id = @customerId ORDER BY created_at DESC, id',
      ),
      ordersOutOfSync: db.prepare<{ limit: number }, OrderRow>(
        `SELECT * FROM orders
         WHERE sarafan_reported_at IS NULL OR (status = 'refunded' AND sarafan_refund_reported_at IS NULL)
         ORDER BY created_at LIMIT @limit`,
      ),
      conversionReported: db.prepare(
        `UPDATE orders SET sarafan_reported_at = @at, sarafan_attempts = sarafan_attempts + 1,
           sarafan_last_error = NULL, sarafan_attributed = @attributed, sarafan_ambassador_code = @ambassadorCode
         WHERE id = @id`,
      ),
      syncFailed: db.prepare(
        'UPDATE orders SET sarafan_attempts = sarafan_attempts + 1, sarafan_last_error = @error WHERE id = @id',
      ),
      markRefunded: db.prepare(
        "UPDATE orders SET status = 'refunded', refunded_at = @at WHERE id = @id AND status = 'paid'",
      ),
      refundReported: db.prepare(
        'UPDATE orders SET sarafan_refund_reported_at = @at, sarafan_last_error = NULL WHERE id = @id',
      ),
    };
  }

  /** Opens (and migrates) the database at `path`; `:memory:` for tests. */
  static open(path: string): ShopStore {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    const version = Number(db.pragma('user_version', { simple: true }));
    db.transaction(() => {
      MIGRATIONS.slice(version).forEach((sql) => db.exec(sql));
      db.pragma(`user_version = ${MIGRATIONS.length}`);
    })();
    return new ShopStore(db);
  }

  close(): void {
    this.#db.close();
  }

  /** The secret that signs customer cookies: made once per database so sign-ins survive restarts. */
  sessionSecret(): string {
    const key = 'session_secret';
    this.#statements.putSetting.run({ key, value: randomBytes(32).toString('base64url') });
    const row = this.#statements.getSetting.get({ key });
    if (!row) throw new Error('session secret missing after insert');
    return row.value;
  }

  /** The secret Sarafan signs its webhooks with; null until the shop has registered its endpoint. */
  webhookSecret(): string | null {
    return this.#statements.getSetting.get({ key: 'sarafan_webhook_secret' })?.value ?? null;
  }

  setWebhookSecret(secret: string): void {
    this.#statements.replaceSetting.run({ key: 'sarafan_webhook_secret', value: secret });
  }

  /** Credits an approved referral reward once per webhook event (a redelivery adds nothing). */
  addStoreCredit(credit: { eventId: string; ambassadorCode: string; rewardId: number; amount: number; currency: string }, now: number): boolean {
    return this.#statements.insertCredit.run({ ...credit, createdAt: now }).changes === 1;
  }

  storeCreditOf(ambassadorCode: string): Array<{ currency: string; amount: number }> {
    return this.#statements.creditOf.all({ ambassadorCode });
  }

  /** Finds the customer by e-mail or creates them; a non-empty `name` replaces the stored one. */
  upsertCustomer(input: { email: string; name?: string | null | undefined }, now: number): Customer {
    const email = customerEmailKey(input.email);
    const name = input.name?.trim() || null;
    return this.#db.transaction(() => {
      this.#statements.insertCustomer.run({ email, name, createdAt: now });
      const row = this.#statements.customerByEmail.get({ email });
      if (!row) throw new Error('customer missing after insert');
      if (name && name !== row.name) {
        this.#statements.updateCustomerName.run({ id: row.id, name });
        row.name = name;
      }
      return toCustomer(row);
    })();
  }

  customerById(id: number): Customer | null {
    const row = this.#statements.customerById.get({ id });
    return row ? toCustomer(row) : null;
  }

  setAmbassadorCode(customerId: number, code: string): void {
    this.#statements.setAmbassadorCode.run({ id: customerId, code });
  }

  createOrder(order: NewOrder): Order {
    this.#db.transaction(() => {
      this.#statements.insertOrder.run({
        id: order.id,
        customerId: order.customerId,
        email: order.email,
        name: order.name,
        currency: order.currency,
        subtotal: order.subtotal,
        discount: order.discount,
        total: order.total,
        couponCode: order.couponCode,
        referralCode: order.referral?.code ?? null,
        referralClickId: order.referral?.clickId ?? null,
        visitorId: order.visitorId,
        createdAt: order.createdAt,
      });
      order.items.forEach((item, index) => this.#statements.insertItem.run({ orderId: order.id, line: index + 1, ...item }));
    })();
    const stored = this.orderById(order.id);
    if (!stored) throw new Error('order missing after insert');
    return stored;
  }

  orderById(id: string): Order | null {
    const row = this.#statements.orderById.get({ id });
    return row ? this.#withItems(row) : null;
  }

  ordersOfCustomer(customerId: number): Order[] {
    return this.#statements.ordersOfCustomer.all({ customerId }).map((row) => this.#withItems(row));
  }

  /** Orders whose conversion, or whose refund, Sarafan has not acknowledged yet. Oldest first. */
  ordersOutOfSync(limit = 100): Order[] {
    return this.#statements.ordersOutOfSync.all({ limit }).map((row) => this.#withItems(row));
  }

  recordConversionReported(orderId: string, at: number, result: { attributed: boolean; ambassadorCode: string | null }): void {
    this.#statements.conversionReported.run({
      id: orderId,
      at,
      attributed: result.attributed ? 1 : 0,
      ambassadorCode: result.ambassadorCode,
    });
  }

  recordSyncFailed(orderId: string, error: string): void {
    this.#statements.syncFailed.run({ id: orderId, error: error.slice(0, 500) });
  }

  /** Returns false when the order was already refunded (a double click, a second tab). */
  markRefunded(orderId: string, at: number): boolean {
    return this.#statements.markRefunded.run({ id: orderId, at }).changes === 1;
  }

  recordRefundReported(orderId: string, at: number): void {
    this.#statements.refundReported.run({ id: orderId, at });
  }

  #withItems(row: OrderRow): Order {
    return toOrder(row, this.#statements.itemsOf.all({ orderId: row.id }));
  }
}
