-- Issue 15 item 4: a volunteer may erase their account. Their sealed details (name, phone, ID number, hardship
-- flag, a guardian's consent) are destroyed, the row stays without them (erased_at set) so that their service
-- hours and points remain as anonymous totals in the reports; an erased volunteer is neither found nor listed.
ALTER TABLE volunteer ALTER COLUMN name_sealed DROP NOT NULL;
ALTER TABLE volunteer ALTER COLUMN hardship_sealed DROP NOT NULL;
ALTER TABLE volunteer ADD COLUMN erased_at timestamptz;
