-- Whether an import's titles are screened for the names and phones of the residents its rows name: only
-- when the uploader may see that community's residents (its community staff). Otherwise (the hub admin)
-- the answer would tell the uploader whether a string is a resident's name. Digits that look like phone
-- or ID numbers are refused by shape for everyone.
ALTER TABLE import_job ADD COLUMN names_screened boolean NOT NULL DEFAULT false;
