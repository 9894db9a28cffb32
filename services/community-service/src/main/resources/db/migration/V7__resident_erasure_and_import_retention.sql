-- PIPL erasure: a resident's personal data removed on request, the row (its id and the pseudonym
-- resident_ref that events carry) and the access log kept; who erased it, when and why.
ALTER TABLE resident ALTER COLUMN name_enc DROP NOT NULL;
ALTER TABLE resident ALTER COLUMN flags_enc DROP NOT NULL;
ALTER TABLE resident ADD COLUMN erased_at timestamptz;
ALTER TABLE resident ADD COLUMN erased_by varchar(100);
ALTER TABLE resident ADD COLUMN erasure_reason varchar(200);

-- Retention of uploaded need lists: the stored bytes are deleted once processed and older than
-- wushe.community.imports.retention; the job, its counts and its rejection report stay.
ALTER TABLE import_job ALTER COLUMN content_enc DROP NOT NULL;
ALTER TABLE import_job ADD COLUMN content_deleted_at timestamptz;
ALTER TABLE import_draft ALTER COLUMN content_enc DROP NOT NULL;
ALTER TABLE import_draft ADD COLUMN content_deleted_at timestamptz;
CREATE INDEX import_job_content_kept ON import_job (finished_at) WHERE content_enc IS NOT NULL;
