-- An ID number is unique within one community's register, not hub-wide: registering a person whose ID
-- number another community holds answers like a fresh registration (a 409 would tell the caller that
-- the person is registered elsewhere). Each registration has its own pseudonym (resident_ref).
ALTER TABLE resident DROP CONSTRAINT resident_id_number_hmac_key;
ALTER TABLE resident ADD CONSTRAINT resident_id_number_unique UNIQUE (community_id, id_number_hmac);
