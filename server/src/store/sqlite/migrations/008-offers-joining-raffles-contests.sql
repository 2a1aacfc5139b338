-- Single-use friend coupons, who may join a program (and the owner's invitations), raffle draws,
-- contests, and why an attributed conversion earned nothing.

-- A friend's own coupon, issued when the friend offer is first shown to that browser, tied to the
-- browser and the ambassador, and used by at most one conversion.
CREATE TABLE friend_coupons (
  code          TEXT PRIMARY KEY,                    -- canonical; never equal to a referral code
  program_id    TEXT NOT NULL REFERENCES programs (id),
  ambassador_id INTEGER NOT NULL REFERENCES ambassadors (id),
  visitor_id    TEXT NOT NULL,
  issued_at     INTEGER NOT NULL,                    -- the referral: expiry counts from here
  used_at       INTEGER,
  conversion_id INTEGER REFERENCES conversions (id),
  UNIQUE (ambassador_id, visitor_id),
  CHECK ((used_at IS NULL) = (conversion_id IS NULL))
) STRICT, WITHOUT ROWID;

ALTER TABLE programs ADD COLUMN join_policy TEXT NOT NULL DEFAULT 'open'
  CHECK (join_policy IN ('open', 'customers', 'invite_only'));

CREATE TABLE invitations (
  program_id       TEXT NOT NULL REFERENCES programs (id),
  email_normalised TEXT NOT NULL,
  email            TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  PRIMARY KEY (program_id, email_normalised)
) STRICT, WITHOUT ROWID;

-- A draw is stored with everything needed to re-run it: the seed and the weighted entrants.
CREATE TABLE raffles (
  id         INTEGER PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs (id),
  prize      TEXT,
  from_at    INTEGER,
  to_at      INTEGER,
  seed       TEXT NOT NULL,
  winners    INTEGER NOT NULL CHECK (winners >= 1),
  entrants   TEXT NOT NULL CHECK (json_valid(entrants)),     -- [{ambassadorCode, entries}] in draw order
  drawn      TEXT NOT NULL CHECK (json_valid(drawn)),        -- [ambassadorCode] in the order drawn
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX raffles_by_program ON raffles (program_id, id);

CREATE TABLE contests (
  id         INTEGER PRIMARY KEY,
  program_id TEXT NOT NULL REFERENCES programs (id),
  name       TEXT NOT NULL,
  starts_at  INTEGER NOT NULL,
  ends_at    INTEGER NOT NULL CHECK (ends_at > starts_at),
  winners    INTEGER NOT NULL CHECK (winners >= 1),
  prizes     TEXT NOT NULL CHECK (json_valid(prizes)),
  settled_at INTEGER,
  standings  TEXT CHECK (standings IS NULL OR json_valid(standings)),   -- frozen when settled
  created_at INTEGER NOT NULL,
  CHECK ((settled_at IS NULL) = (standings IS NULL))
) STRICT;
CREATE INDEX contests_by_program ON contests (program_id, id);

-- Why an attributed conversion has no referrer reward (below_minimum_order, cap_reached...).
ALTER TABLE conversions ADD COLUMN reward_skipped TEXT;
