-- Issue 15 item 4: a volunteer's resident ID number (身份证号码) is personal data, sealed like their name and
-- phone (VolunteerDetailsCipher, bound to volunteer/<id>/id_number) and unique through a keyed hash. The birth
-- date is read from the number when the volunteer is read: age and the young-old flag (低龄老人, 60 to 69)
-- follow from it on the day, so young_old is only what staff set for a volunteer without an ID number.
ALTER TABLE volunteer ADD COLUMN id_number_sealed bytea;
ALTER TABLE volunteer ADD COLUMN id_number_hash   bytea;
CREATE UNIQUE INDEX volunteer_id_number_hash ON volunteer (id_number_hash);
