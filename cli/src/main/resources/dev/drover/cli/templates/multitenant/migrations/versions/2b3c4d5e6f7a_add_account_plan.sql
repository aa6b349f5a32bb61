-- revision: 2b3c4d5e6f7a
-- down_revision: 1a2b3c4d5e6f
-- message: add account plan
-- create_date: 2026-11-22 10:05:00

-- drover:upgrade
ALTER TABLE accounts ADD COLUMN plan VARCHAR(20) DEFAULT 'free' NOT NULL;
CREATE INDEX accounts_plan_idx ON accounts (plan);

-- drover:downgrade
DROP INDEX accounts_plan_idx;
ALTER TABLE accounts DROP COLUMN plan;
