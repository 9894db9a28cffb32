-- Issue 14: every volunteer's name, phone and hardship flag are sealed (V5): the plain columns go.
ALTER TABLE volunteer DROP COLUMN display_name;
ALTER TABLE volunteer DROP COLUMN phone;
ALTER TABLE volunteer DROP COLUMN in_hardship;
ALTER TABLE volunteer ALTER COLUMN name_sealed SET NOT NULL;
ALTER TABLE volunteer ALTER COLUMN hardship_sealed SET NOT NULL;
