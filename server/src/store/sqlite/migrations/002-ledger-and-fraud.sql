-- Attribution settings, fraud rules, order status and the append-only reward ledger.

-- Program settings of attribution and rewards (defaults: the behaviour of version 1).
ALTER TABLE programs ADD COLUMN attribution_model TEXT NOT NULL DEFAULT 'last_click'
  CHECK (attribution_model IN ('last_click', 'first_click'));
ALTER TABLE programs ADD COLUMN coupon_beats_cookie INTEGER NOT NULL DEFAULT 1 CHECK (coupon_beats_cookie IN (0, 1));
ALTER TABLE programs ADD COLUMN recurring_months INTEGER NOT NULL DEFAULT 0 CHECK (recurring_months BETWEEN 0 AND 120);
ALTER TABLE programs ADD COLUMN hold_period_ms INTEGER NOT NULL DEFAULT 1209600000 CHECK (hold_period_ms >= 0);
ALTER TABLE programs ADD COLUMN hold_starts_at TEXT NOT NULL DEFAULT 'paid' CHECK (hold_starts_at IN ('paid', 'fulfilled'));
ALTER TABLE programs ADD COLUMN velocity_limit INTEGER NOT NULL DEFAULT 3 CHECK (velocity_limit >= 1);
ALTER TABLE programs ADD COLUMN velocity_window_ms INTEGER NOT NULL DEFAULT 86400000 CHECK (velocity_window_ms > 0);

-- What a fraud rule does in this program when it differs from the default (see domain/fraud-rules.ts).
CREATE TABLE program_fraud_actions (
  program_id TEXT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  rule       TEXT NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('reject', 'hold')),
  PRIMARY KEY (program_id, rule)
) STRICT, WITHOUT ROWID;

-- Referrer domains (coupon-sharing sites) blocked in this program, on top of the built-in list.
CREATE TABLE program_blocked_referrers (
  program_id TEXT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  domain     TEXT NOT NULL,
  PRIMARY KEY (program_id, domain)
) STRICT, WITHOUT ROWID;

-- An erased ambassador keeps the row (the ledger points to it) but none of their personal data,
-- and their code stops working.
ALTER TABLE ambassadors ADD COLUMN erased_at INTEGER;

-- Where the ambassador's own browsers were seen from (salted IP + user agent hashes).
CREATE TABLE ambassador_fingerprints (
  ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id),
  ip_ua_hash    TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  PRIMARY KEY (ambassador_id, ip_ua_hash)
) STRICT, WITHOUT ROWID;

-- A referred visitor who identified: their later purchases are theirs on any device.
CREATE TABLE referral_bindings (
  id                  INTEGER PRIMARY KEY,
  program_id          TEXT NOT NULL REFERENCES programs (id),
  ambassador_id       INTEGER NOT NULL REFERENCES ambassadors (id),
  email_normalised    TEXT,
  customer_id         TEXT,
  click_id            TEXT,
  referred_at         INTEGER NOT NULL,                  -- the click's time, else the binding's
  created_at          INTEGER NOT NULL,
  UNIQUE (program_id, ambassador_id, email_normalised, customer_id)
) STRICT;
CREATE INDEX referral_bindings_by_email ON referral_bindings (program_id, email_normalised, referred_at);
CREATE INDEX referral_bindings_by_customer ON referral_bindings (program_id, customer_id, referred_at) WHERE customer_id IS NOT NULL;

-- The first click of a browser across the program's ambassadors (the first-click model).
CREATE INDEX clicks_by_program_visitor ON clicks (program_id, visitor_id, created_at) WHERE visitor_id IS NOT NULL;

ALTER TABLE conversions ADD COLUMN order_status TEXT NOT NULL DEFAULT 'paid'
  CHECK (order_status IN ('paid', 'fulfilled', 'canceled'));
ALTER TABLE conversions ADD COLUMN attributed_via TEXT;  -- click, code, coupon, customer, repeat
ALTER TABLE conversions ADD COLUMN ip_hash TEXT;
ALTER TABLE conversions ADD COLUMN ip_ua_hash TEXT;
CREATE INDEX conversions_by_ip ON conversions (program_id, ip_hash, created_at) WHERE ip_hash IS NOT NULL;
CREATE INDEX conversions_by_email ON conversions (program_id, customer_email_normalised, created_at) WHERE customer_email_normalised IS NOT NULL;
CREATE INDEX conversions_by_customer ON conversions (program_id, customer_id, created_at) WHERE customer_id IS NOT NULL;
CREATE INDEX conversions_by_visitor ON conversions (program_id, visitor_id, created_at) WHERE visitor_id IS NOT NULL;

ALTER TABLE rewards ADD COLUMN hold_until INTEGER;        -- NULL: the hold period has not started
ALTER TABLE rewards ADD COLUMN reasons TEXT NOT NULL DEFAULT '';  -- space-separated fraud reason codes
CREATE INDEX rewards_due ON rewards (status, hold_until) WHERE status = 'pending';
CREATE INDEX rewards_by_status ON rewards (program_id, status, created_at);

ALTER TABLE refunds ADD COLUMN refund_id TEXT;           -- the shop's id: a repeat changes nothing
CREATE UNIQUE INDEX refunds_by_refund_id ON refunds (conversion_id, refund_id) WHERE refund_id IS NOT NULL;

-- Every change of a reward as a transfer of `amount` between buckets. A bucket's balance is the sum
-- of what entered it minus what left it; `earned` is where rewards come from and `voided`,
-- `rejected` and `clawed_back` are where taken-back amounts go. `approved` is what is owed: a
-- clawback after payment can make it negative, and later rewards net it out (a payout then moves
-- the recovered amount from `paid` back to `approved`).
CREATE TABLE ledger_entries (
  id            INTEGER PRIMARY KEY,
  program_id    TEXT NOT NULL REFERENCES programs (id),
  ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id),
  reward_id     INTEGER NOT NULL REFERENCES rewards (id),
  currency      TEXT NOT NULL,
  amount        INTEGER NOT NULL CHECK (amount >= 0),
  from_bucket   TEXT NOT NULL CHECK (from_bucket IN ('earned', 'held', 'pending', 'approved', 'paid')),
  to_bucket     TEXT NOT NULL CHECK (to_bucket IN ('held', 'pending', 'approved', 'paid', 'voided', 'rejected', 'clawed_back')),
  reason        TEXT NOT NULL,
  actor         TEXT NOT NULL CHECK (actor IN ('system', 'owner', 'shop_api')),
  note          TEXT,
  created_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX ledger_by_ambassador ON ledger_entries (ambassador_id, id);
CREATE INDEX ledger_by_reward ON ledger_entries (reward_id, id);

CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;

-- Rewards of version 1 get the entries that explain their current state.
INSERT INTO ledger_entries (program_id, ambassador_id, reward_id, currency, amount, from_bucket, to_bucket, reason, actor, created_at)
SELECT program_id, ambassador_id, id, currency, original_amount, 'earned', 'pending', 'conversion', 'shop_api', created_at FROM rewards;
INSERT INTO ledger_entries (program_id, ambassador_id, reward_id, currency, amount, from_bucket, to_bucket, reason, actor, created_at)
SELECT program_id, ambassador_id, id, currency, original_amount - amount, 'pending', 'voided', 'refund', 'shop_api', updated_at
FROM rewards WHERE original_amount > amount;
UPDATE rewards SET hold_until = created_at + 1209600000 WHERE status = 'pending';
