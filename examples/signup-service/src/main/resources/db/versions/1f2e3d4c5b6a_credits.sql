-- revision: 1f2e3d4c5b6a
-- down_revision:
-- message: credits

-- drover:upgrade
CREATE TABLE credits (amount INT NOT NULL, note VARCHAR(80) NOT NULL);

-- drover:downgrade
DROP TABLE credits;
