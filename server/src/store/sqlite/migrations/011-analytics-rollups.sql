-- Sarafan schema, version 11: daily roll-ups of the owner's analytics. A year of a busy program
-- is millions of events; summing 365 rows per key instead of counting them keeps every overview
-- query fast. Each roll-up row changes in the same transaction as the events it counts
-- (store/sqlite/rollup-writes.ts), so it is never behind. `day` is the UTC day number,
-- created_at / 86,400,000. Key columns hold '' for "none" or "unknown": NULLs in a primary key
-- would never meet in an upsert.
--
-- The tables start empty: the server fills them from the events already stored on its first
-- start after this migration (rollup-rebuild.ts, which also computes the sketches in JavaScript)
-- and then records that in `rollups_built`.

-- Counted clicks (not the ambassadors' own) per device type, browser and OS, with those from a QR code.
CREATE TABLE rollup_clicks (
  program_id  TEXT NOT NULL REFERENCES programs (id),
  day         INTEGER NOT NULL,
  device_type TEXT NOT NULL,
  browser     TEXT NOT NULL,
  os          TEXT NOT NULL,
  clicks      INTEGER NOT NULL CHECK (clicks >= 0),    -- a row that falls to 0 is deleted
  qr          INTEGER NOT NULL CHECK (qr BETWEEN 0 AND clicks),
  PRIMARY KEY (program_id, day, device_type, browser, os)
) STRICT, WITHOUT ROWID;

-- Widget events per type and share channel ('' for the other types).
CREATE TABLE rollup_widget_events (
  program_id TEXT NOT NULL REFERENCES programs (id),
  day        INTEGER NOT NULL,
  type       TEXT NOT NULL,
  channel    TEXT NOT NULL,
  events     INTEGER NOT NULL CHECK (events >= 0),
  PRIMARY KEY (program_id, day, type, channel)
) STRICT, WITHOUT ROWID;

-- Orders and their revenue after refunds, per currency; `coupon_only` = attributed by a typed
-- coupon with no click behind it (counted as a click of its own in the funnel).
CREATE TABLE rollup_conversions (
  program_id  TEXT NOT NULL REFERENCES programs (id),
  day         INTEGER NOT NULL,
  currency    TEXT NOT NULL,
  attributed  INTEGER NOT NULL CHECK (attributed IN (0, 1)),
  coupon_only INTEGER NOT NULL CHECK (coupon_only IN (0, 1)),
  orders      INTEGER NOT NULL CHECK (orders >= 0),
  revenue     INTEGER NOT NULL,
  PRIMARY KEY (program_id, day, currency, attributed, coupon_only)
) STRICT, WITHOUT ROWID;

-- HyperLogLog sketches of the distinct counts (domain/hyperloglog.ts), one per program, figure,
-- day and scope (the currency of customer counts, '' otherwise). A long period merges its days'.
CREATE TABLE rollup_sketches (
  program_id TEXT NOT NULL REFERENCES programs (id),
  metric     TEXT NOT NULL CHECK (metric IN ('shown', 'opened', 'referred', 'purchased', 'customers', 'referred_customers')),
  day        INTEGER NOT NULL,
  scope      TEXT NOT NULL,
  registers  BLOB NOT NULL,
  PRIMARY KEY (program_id, metric, day, scope)
) STRICT, WITHOUT ROWID;

-- One row once the roll-ups hold every event stored before this migration.
CREATE TABLE rollups_built (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  built_at INTEGER NOT NULL
) STRICT;
