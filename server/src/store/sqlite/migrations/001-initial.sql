-- Sarafan schema, version 1. Migrations are forward-only: never edit a released file, add the
-- next number instead. Times are UTC epoch milliseconds; money is integer minor units.

CREATE TABLE programs (
  id                      TEXT PRIMARY KEY,
  name                    TEXT NOT NULL,
  landing_url             TEXT NOT NULL,
  secret_hash             TEXT NOT NULL UNIQUE,          -- sha256 hex of the secret key
  identity_key            TEXT NOT NULL,                 -- shared identityKey(secret)
  reward_basis_points     INTEGER NOT NULL CHECK (reward_basis_points BETWEEN 0 AND 10000),
  friend_discount_percent INTEGER NOT NULL CHECK (friend_discount_percent BETWEEN 0 AND 100),
  attribution_window_ms   INTEGER NOT NULL CHECK (attribution_window_ms > 0),
  dedup_window_ms         INTEGER NOT NULL CHECK (dedup_window_ms >= 0),
  created_at              INTEGER NOT NULL
) STRICT;

CREATE TABLE program_origins (
  program_id TEXT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,
  origin     TEXT NOT NULL,
  PRIMARY KEY (program_id, origin)
) STRICT, WITHOUT ROWID;
CREATE INDEX program_origins_by_origin ON program_origins (origin);

CREATE TABLE ambassadors (
  id               INTEGER PRIMARY KEY,
  program_id       TEXT NOT NULL REFERENCES programs (id),
  code             TEXT NOT NULL UNIQUE,                 -- canonical, unique across programs
  email            TEXT NOT NULL,
  email_normalised TEXT NOT NULL,
  name             TEXT,
  customer_id      TEXT,
  created_at       INTEGER NOT NULL,
  UNIQUE (program_id, email_normalised)
) STRICT;

CREATE TABLE ambassador_visitors (
  ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id),
  visitor_id    TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  PRIMARY KEY (ambassador_id, visitor_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE clicks (
  id            TEXT PRIMARY KEY,
  program_id    TEXT NOT NULL REFERENCES programs (id),
  ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id),
  visitor_id    TEXT,
  ip_ua_hash    TEXT,
  source        TEXT NOT NULL CHECK (source IN ('link', 'widget')),
  counted       INTEGER NOT NULL CHECK (counted IN (0, 1)),
  self          INTEGER NOT NULL CHECK (self IN (0, 1)),
  url           TEXT,
  referrer      TEXT,
  created_at    INTEGER NOT NULL,
  claimed_at    INTEGER
) STRICT, WITHOUT ROWID;                                 -- ids start with their time: appends, not random inserts
-- Not partial: it also serves "counted clicks of this ambassador".
CREATE INDEX clicks_by_visitor ON clicks (ambassador_id, visitor_id, created_at);
CREATE INDEX clicks_by_ip_ua ON clicks (ambassador_id, ip_ua_hash, created_at) WHERE ip_ua_hash IS NOT NULL;

CREATE TABLE conversions (
  id                        INTEGER PRIMARY KEY,
  program_id                TEXT NOT NULL REFERENCES programs (id),
  order_id                  TEXT NOT NULL,
  amount                    INTEGER NOT NULL CHECK (amount >= 0),
  currency                  TEXT NOT NULL,
  refunded_amount           INTEGER NOT NULL DEFAULT 0 CHECK (refunded_amount BETWEEN 0 AND amount),
  status                    TEXT NOT NULL CHECK (status IN ('paid', 'partially_refunded', 'refunded')),
  customer_email            TEXT,
  customer_email_normalised TEXT,
  customer_id               TEXT,
  visitor_id                TEXT,
  coupon_code               TEXT,
  attributed                INTEGER NOT NULL CHECK (attributed IN (0, 1)),
  ambassador_id             INTEGER REFERENCES ambassadors (id),
  click_id                  TEXT,
  reason                    TEXT,
  friend_discount_percent   INTEGER,
  friend_discount_amount    INTEGER,
  created_at                INTEGER NOT NULL,
  UNIQUE (program_id, order_id)                          -- idempotency of POST /v1/conversions
) STRICT;
CREATE INDEX conversions_by_ambassador ON conversions (ambassador_id) WHERE ambassador_id IS NOT NULL;

CREATE TABLE rewards (
  id              INTEGER PRIMARY KEY,
  program_id      TEXT NOT NULL REFERENCES programs (id),
  ambassador_id   INTEGER NOT NULL REFERENCES ambassadors (id),
  conversion_id   INTEGER NOT NULL UNIQUE REFERENCES conversions (id),
  kind            TEXT NOT NULL CHECK (kind IN ('store_credit')),
  original_amount INTEGER NOT NULL CHECK (original_amount >= 0),
  amount          INTEGER NOT NULL CHECK (amount BETWEEN 0 AND original_amount),
  currency        TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'paid', 'voided', 'held', 'rejected')),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX rewards_by_ambassador ON rewards (ambassador_id, created_at);

-- One row per refund: the audit trail of what was taken back and what it did to the reward.
CREATE TABLE refunds (
  id                   INTEGER PRIMARY KEY,
  conversion_id        INTEGER NOT NULL REFERENCES conversions (id),
  amount               INTEGER NOT NULL CHECK (amount > 0),
  reward_amount_before INTEGER,
  reward_amount_after  INTEGER,
  created_at           INTEGER NOT NULL
) STRICT;
CREATE INDEX refunds_by_conversion ON refunds (conversion_id);
