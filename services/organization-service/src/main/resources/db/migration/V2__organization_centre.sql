-- The social work service centre (社会工作服务中心: a station id of the community service, level STREET_CENTRE or
-- DISTRICT_CENTRE) whose managers decide an organization's incubation and its projects' grants. Organizations
-- registered before have none: only the hub admin decides for them until one is set.
ALTER TABLE organization ADD COLUMN centre_id uuid;
CREATE INDEX organization_centre ON organization (centre_id);
