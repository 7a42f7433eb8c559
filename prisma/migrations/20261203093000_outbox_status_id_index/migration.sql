-- Reliability item 3: the lost-job sweep pages through QUEUED outbox rows in id order
-- (src/jobs/outbox-relay.ts). Without this index the planner walks the primary key from the
-- start of the table, through every SENT row of the bot's history (16 ms at 50,000 rows and
-- growing with the table; 0.3 ms with it, see bench/outbox-sweep.ts).
CREATE INDEX "OutboxMessage_status_id_idx" ON "OutboxMessage"("status", "id");
