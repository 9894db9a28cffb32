-- The grid finding a need was raised from (NeedPublished.hazardId, null for any other need): a hazard is fixed when
-- its need is fulfilled, whether the need was published at once (HazardReported.needId) or after review (this column).
ALTER TABLE need_fact ADD COLUMN hazard_id uuid;
CREATE INDEX need_fact_hazard ON need_fact (hazard_id) WHERE hazard_id IS NOT NULL;
CREATE INDEX hazard_fact_need ON hazard_fact (need_id) WHERE need_id IS NOT NULL;
