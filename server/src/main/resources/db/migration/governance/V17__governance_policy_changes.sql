-- Renaming or retiring a published policy is proposed and takes effect only once approved (5.2):
-- the proposal waits on the policy row.
ALTER TABLE policies ADD COLUMN pending_change VARCHAR(10);
ALTER TABLE policies ADD COLUMN proposed_title VARCHAR(200);
ALTER TABLE policies ADD COLUMN proposed_reason VARCHAR(2000);
ALTER TABLE policies ADD COLUMN proposed_by VARCHAR(64);
