-- A need raised on a social worker's visit (VisitRaisedNeed, wushe.socialworker.worker) names that visit:
-- one need per visit, whatever happens to the event on its way.
ALTER TABLE need ADD COLUMN visit_id uuid;
ALTER TABLE need ADD CONSTRAINT need_visit_unique UNIQUE (visit_id);

-- When the newest MatchProposed the need followed happened (the matching service's clock): a proposal of
-- another match made before it arrived late (another partition) and is stale. See MatchSaga.
ALTER TABLE need ADD COLUMN last_proposal_at timestamptz;
