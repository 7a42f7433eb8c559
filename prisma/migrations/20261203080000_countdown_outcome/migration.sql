-- The countdown to the irreversible date (issue 11): the producer's answer when the date came.
ALTER TABLE "Case" ADD COLUMN "irreversibleOutcome" TEXT,
ADD COLUMN "irreversibleCheckedAt" TIMESTAMP(3);
