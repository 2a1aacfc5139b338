-- Sarafan schema, version 4: reward rules as immutable versions, the rules version and the split
-- of each conversion, the ambassador's VIP tier and split choice, and milestone bonuses as rewards.

-- Every change of a program's reward rules appends a version; conversions point to the one they
-- were computed with, so a version is never updated or deleted.
CREATE TABLE program_rules (
  program_id TEXT NOT NULL REFERENCES programs (id),
  version    INTEGER NOT NULL CHECK (version >= 1),
  rules      TEXT NOT NULL CHECK (json_valid(rules)),   -- shared RewardRules as JSON
  created_at INTEGER NOT NULL,
  PRIMARY KEY (program_id, version)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER program_rules_no_update BEFORE UPDATE ON program_rules
BEGIN SELECT RAISE(ABORT, 'rules versions are immutable'); END;
CREATE TRIGGER program_rules_no_delete BEFORE DELETE ON program_rules
BEGIN SELECT RAISE(ABORT, 'rules versions are immutable'); END;

-- Version 1 of every program is what its settings already said: a percentage as store credit,
-- a percentage off for the friend, its recurring months; everything else as the defaults.
INSERT INTO program_rules (program_id, version, rules, created_at)
SELECT id, 1, json_object(
  'sides', 'both',
  'referrer', json_object('kind', 'store_credit', 'rate', json_object('type', 'percent', 'basisPoints', reward_basis_points)),
  'friendOffer', json_object('discount', json_object('type', 'percent', 'percent', friend_discount_percent),
    'minimumOrder', json_object(), 'expiresAfterDays', NULL, 'coupon', 'shared'),
  'itemRates', json_array(), 'excludedSkus', json_array(), 'excludedCategories', json_array(),
  'threshold', 0, 'milestones', json_array(), 'tiers', json_array(),
  'limits', json_object('perReferral', json_object(), 'perAmbassadorMonthly', json_object(),
    'programBudget', json_object(), 'minimumOrder', json_object()),
  'recurringMonths', recurring_months,
  'split', json_object('enabled', json('false'), 'choices', json_array(0))
), created_at FROM programs;

-- Conversions recorded before versions existed were computed with what became version 1.
ALTER TABLE conversions ADD COLUMN rules_version INTEGER;
UPDATE conversions SET rules_version = 1;
-- The friend's share of the referrer's reward (the split), in the reward's unit; NULL = no split.
ALTER TABLE conversions ADD COLUMN friend_share INTEGER CHECK (friend_share >= 0);

-- A tier the owner set by hand (VIP), and the ambassador's split choice: the friend's percent.
ALTER TABLE ambassadors ADD COLUMN tier TEXT;
ALTER TABLE ambassadors ADD COLUMN friend_share_percent INTEGER CHECK (friend_share_percent BETWEEN 0 AND 100);

-- Rewards are rebuilt (SQLite cannot alter a CHECK or drop a UNIQUE): more kinds, and milestone
-- bonuses, which belong to the conversion that reached the milestone next to its own reward. The
-- amounts of points, raffle entries and gifts are counts, with `points`, `entries` or `gifts` as
-- their currency. Ids are kept, so the ledger's references still hold (checked by the migration
-- runner with foreign_key_check before it commits).
CREATE TABLE rewards_v4 (
  id              INTEGER PRIMARY KEY,
  program_id      TEXT NOT NULL REFERENCES programs (id),
  ambassador_id   INTEGER NOT NULL REFERENCES ambassadors (id),
  conversion_id   INTEGER NOT NULL REFERENCES conversions (id),
  purpose         TEXT NOT NULL DEFAULT 'conversion' CHECK (purpose IN ('conversion', 'milestone')),
  milestone       INTEGER CHECK (milestone >= 1),
  kind            TEXT NOT NULL CHECK (kind IN ('store_credit', 'cash', 'points', 'coupon_code', 'free_gift', 'raffle_entries')),
  original_amount INTEGER NOT NULL CHECK (original_amount >= 0),
  amount          INTEGER NOT NULL CHECK (amount BETWEEN 0 AND original_amount),
  currency        TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'paid', 'voided', 'held', 'rejected')),
  hold_until      INTEGER,
  reasons         TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  CHECK ((purpose = 'milestone') = (milestone IS NOT NULL))
) STRICT;
INSERT INTO rewards_v4 (id, program_id, ambassador_id, conversion_id, purpose, milestone, kind, original_amount,
  amount, currency, status, hold_until, reasons, created_at, updated_at)
SELECT id, program_id, ambassador_id, conversion_id, 'conversion', NULL, kind, original_amount,
  amount, currency, status, hold_until, reasons, created_at, updated_at FROM rewards;
DROP TABLE rewards;
ALTER TABLE rewards_v4 RENAME TO rewards;
CREATE UNIQUE INDEX rewards_one_per_conversion ON rewards (conversion_id) WHERE purpose = 'conversion';
CREATE UNIQUE INDEX rewards_one_per_milestone ON rewards (conversion_id, milestone) WHERE purpose = 'milestone';
CREATE INDEX rewards_by_ambassador ON rewards (ambassador_id, created_at);
CREATE INDEX rewards_due ON rewards (status, hold_until) WHERE status = 'pending';
CREATE INDEX rewards_by_status ON rewards (program_id, status, created_at);
