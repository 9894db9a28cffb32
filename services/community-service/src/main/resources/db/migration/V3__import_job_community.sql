-- An upload by community staff may publish needs for their own community only: the worker (which runs
-- after the request, and again after a restart) rejects rows for any other community. NULL: the hub
-- admin's upload, rows for any community.
ALTER TABLE import_job ADD COLUMN community_id uuid;
