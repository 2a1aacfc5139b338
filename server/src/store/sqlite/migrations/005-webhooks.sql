-- Webhooks: endpoints, an outbox of events written in the same transaction as the change each
-- reports, one delivery per event and endpoint, and a log of every attempt.

CREATE TABLE webhook_endpoints (
  id          INTEGER PRIMARY KEY,
  program_id  TEXT NOT NULL REFERENCES programs (id),
  url         TEXT NOT NULL,
  secret      TEXT NOT NULL,                -- signs deliveries; the receiver holds the same
  events      TEXT NOT NULL,                -- space-separated event types, or '*'
  created_at  INTEGER NOT NULL,
  deleted_at  INTEGER,
  UNIQUE (program_id, url)
) STRICT;

CREATE TABLE webhook_events (
  id          TEXT PRIMARY KEY,             -- evt_…, also sent as the delivery's id header
  program_id  TEXT NOT NULL REFERENCES programs (id),
  type        TEXT NOT NULL,
  payload     TEXT NOT NULL,                -- the JSON body, exactly as delivered
  created_at  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE webhook_deliveries (
  id              INTEGER PRIMARY KEY,
  event_id        TEXT NOT NULL REFERENCES webhook_events (id),
  endpoint_id     INTEGER NOT NULL REFERENCES webhook_endpoints (id),
  status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,                  -- NULL once delivered or given up
  give_up_at      INTEGER NOT NULL,         -- retries stop after this (at least a day)
  delivered_at    INTEGER,
  UNIQUE (event_id, endpoint_id)
) STRICT;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, id);

CREATE TABLE webhook_attempts (
  id           INTEGER PRIMARY KEY,
  delivery_id  INTEGER NOT NULL REFERENCES webhook_deliveries (id),
  attempted_at INTEGER NOT NULL,
  status_code  INTEGER,                     -- NULL when no answer came
  error        TEXT,
  duration_ms  INTEGER NOT NULL
) STRICT;
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);
