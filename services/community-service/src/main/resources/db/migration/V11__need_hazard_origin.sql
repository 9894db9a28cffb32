-- A need raised from a grid worker's finding (HazardReported) records it, urgent at once or published after the
-- community's review; NeedPublished carries it so the centre report counts hazards fixed exactly.
ALTER TABLE need ADD COLUMN hazard_id uuid;
