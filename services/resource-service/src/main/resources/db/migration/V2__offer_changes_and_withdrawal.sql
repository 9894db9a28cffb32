-- Offers change and are withdrawn by their provider. revision counts the changes (each one publishes
-- ResourceOffered again with it); the reason of a withdrawal is free text of the donor's staff and
-- stays here (the event carries reason WITHDRAWN only).
ALTER TABLE offer ADD COLUMN revision          integer      NOT NULL DEFAULT 0;
ALTER TABLE offer ADD COLUMN withdrawn_at      timestamptz;
ALTER TABLE offer ADD COLUMN withdrawal_reason varchar(200);
