-- Reliability (issue 9, items 2 and 4).

-- A report draft's submission key: submitting the same draft twice finds the first case.
-- Nullable: cases stored before this migration (and cases made by other paths) have none.
ALTER TABLE "Case" ADD COLUMN "submissionKey" UUID;
CREATE UNIQUE INDEX "Case_submissionKey_key" ON "Case"("submissionKey");

-- Cases whose tracking code the producer has not been shown yet (written with the case,
-- deleted after the reply with the code was sent).
CREATE TABLE "UnconfirmedSubmission" (
    "caseId" INTEGER NOT NULL,
    "reporterId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnconfirmedSubmission_pkey" PRIMARY KEY ("caseId")
);
CREATE INDEX "UnconfirmedSubmission_reporterId_idx" ON "UnconfirmedSubmission"("reporterId");
ALTER TABLE "UnconfirmedSubmission" ADD CONSTRAINT "UnconfirmedSubmission_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "UnconfirmedSubmission" ADD CONSTRAINT "UnconfirmedSubmission_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The flow draft of each session, written through from Redis; restored when Redis lost it.
CREATE TABLE "SessionDraft" (
    "key" TEXT NOT NULL,
    "flow" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SessionDraft_pkey" PRIMARY KEY ("key")
);
