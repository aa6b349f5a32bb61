-- revision: 1a2b3c4d5e6f
-- down_revision:
-- message: create accounts
-- create_date: 2026-11-22 10:00:00

-- drover:upgrade
CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    tenant_note VARCHAR(100) DEFAULT '${tenant}'
);

-- drover:downgrade
DROP TABLE accounts;
