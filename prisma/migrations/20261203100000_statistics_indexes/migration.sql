-- Statistics that scale (issue "A lean process"): /stats reads what it needs from columns kept
-- when things happen, and every /queue and /stats query finds its rows through an index
-- (checked with EXPLAIN ANALYZE at 50,000 cases and 100,000 events: bench/statistics.ts).

-- 1. The time of the first action on a case, stored instead of searched for per case.
--
-- The first action is the earliest timeline event whose actor is neither null (the system) nor
-- the case's reporter nor a representative of the case's unit: exactly what /stats used to look
-- up in a correlated subquery for every reported case. Triggers keep it so whichever way a
-- row arrives (the services' appendEvent, fixtures, scripts):
--   - an event appended (the timeline only ever grows: CaseEvent is append-only) can only move
--     it earlier, so an insert needs no search, only a comparison;
--   - a representative added to or removed from a unit changes whose events count: the unit's
--     cases on which that person has events are recomputed;
--   - a case's unit or reporter changing: that case is recomputed.
ALTER TABLE "Case" ADD COLUMN "firstActionAt" TIMESTAMP(3);

-- The definition, for the recomputations.
CREATE FUNCTION case_first_action_at(case_id INTEGER, unit_id INTEGER, reporter_id INTEGER) RETURNS TIMESTAMP(3) AS $$
  SELECT min(e."createdAt")
  FROM "CaseEvent" e
  WHERE e."caseId" = case_id AND e."actorId" IS NOT NULL AND e."actorId" <> reporter_id
    AND NOT EXISTS (SELECT 1 FROM "UnitRepresentative" u WHERE u."userId" = e."actorId" AND u."unitId" = unit_id)
$$ LANGUAGE sql STABLE;

-- An event appended: the case's first action if it counts and is earlier than the one stored.
-- The UPDATE touches (and locks) the case row only when it changes it: once per case in
-- practice, at the first action, which usually updates the case in the same transaction anyway.
CREATE FUNCTION case_event_first_action() RETURNS trigger AS $$
BEGIN
  UPDATE "Case" c SET "firstActionAt" = NEW."createdAt"
  WHERE c.id = NEW."caseId"
    AND (c."firstActionAt" IS NULL OR c."firstActionAt" > NEW."createdAt")
    AND c."reporterId" <> NEW."actorId"
    AND NOT EXISTS (SELECT 1 FROM "UnitRepresentative" u WHERE u."userId" = NEW."actorId" AND u."unitId" = c."unitId");
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER case_event_first_action
  AFTER INSERT ON "CaseEvent"
  FOR EACH ROW WHEN (NEW."actorId" IS NOT NULL)
  EXECUTE FUNCTION case_event_first_action();

-- A unit's representatives changed: their events on the unit's cases start or stop counting.
CREATE FUNCTION unit_representative_first_action() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "Case" c SET "firstActionAt" = case_first_action_at(c.id, c."unitId", c."reporterId")
    WHERE c."unitId" = OLD."unitId" AND EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = c.id AND e."actorId" = OLD."userId");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE "Case" c SET "firstActionAt" = case_first_action_at(c.id, c."unitId", c."reporterId")
    WHERE c."unitId" = NEW."unitId" AND EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = c.id AND e."actorId" = NEW."userId");
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER unit_representative_first_action
  AFTER INSERT OR UPDATE OR DELETE ON "UnitRepresentative"
  FOR EACH ROW EXECUTE FUNCTION unit_representative_first_action();

-- A case moved to another unit or reporter: whose events count changed.
CREATE FUNCTION case_first_action_recompute() RETURNS trigger AS $$
BEGIN
  NEW."firstActionAt" := case_first_action_at(NEW.id, NEW."unitId", NEW."reporterId");
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER case_first_action_recompute
  BEFORE UPDATE OF "unitId", "reporterId" ON "Case"
  FOR EACH ROW WHEN (OLD."unitId" IS DISTINCT FROM NEW."unitId" OR OLD."reporterId" IS DISTINCT FROM NEW."reporterId")
  EXECUTE FUNCTION case_first_action_recompute();

-- The cases there already are: the same rule over their timelines, in one pass.
UPDATE "Case" c SET "firstActionAt" = f.first
FROM (
  SELECT e."caseId", min(e."createdAt") AS first
  FROM "CaseEvent" e
  JOIN "Case" k ON k.id = e."caseId"
  WHERE e."actorId" IS NOT NULL AND e."actorId" <> k."reporterId"
    AND NOT EXISTS (SELECT 1 FROM "UnitRepresentative" u WHERE u."userId" = e."actorId" AND u."unitId" = k."unitId")
  GROUP BY e."caseId"
) f
WHERE c.id = f."caseId";

-- 2. Indexes for the period queries and the queue (names as Prisma derives them).

-- The queue's ORDER BY ("irreversibleAt" ASC NULLS LAST is a btree's ascending order), so its
-- first page reads a few rows instead of sorting every open case; also the irreversible dates
-- that fell in a statistics period.
CREATE INDEX "Case_workingGroupId_irreversibleAt_urgency_submittedAt_id_idx" ON "Case"("workingGroupId", "irreversibleAt", "urgency", "submittedAt", "id");

-- Cases reported in a period; cases resolved in a period.
CREATE INDEX "Case_workingGroupId_submittedAt_idx" ON "Case"("workingGroupId", "submittedAt");
CREATE INDEX "Case_workingGroupId_resolvedAt_idx" ON "Case"("workingGroupId", "resolvedAt");

-- The queue's agency filter lists the agencies with open cases (an EXISTS per agency).
CREATE INDEX "Case_agencyId_status_idx" ON "Case"("agencyId", "status");

-- Tasks assigned in a period; a case's tasks (the case card).
CREATE INDEX "Task_workingGroupId_createdAt_idx" ON "Task"("workingGroupId", "createdAt");
CREATE INDEX "Task_caseId_idx" ON "Task"("caseId");

-- A task's extension requests (the statistics count them per task).
CREATE INDEX "ExtensionRequest_taskId_idx" ON "ExtensionRequest"("taskId");
