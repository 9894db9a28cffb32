-- Issue 6: the donor read model can be rebuilt from wushe.resource.donor (POST /admin/replay), which
-- empties the table first. A reward keeps its donor_id, checked when the reward is created
-- (RewardService: the donor must be known and a caring shop), but no longer as a foreign key.
ALTER TABLE reward DROP CONSTRAINT reward_donor_id_fkey;
