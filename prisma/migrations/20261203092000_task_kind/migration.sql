-- The cut-off fast track (issue 11, item 3): a hold request is a task of its own kind.
CREATE TYPE "TaskKind" AS ENUM ('STANDARD', 'CUTOFF_HOLD');
ALTER TABLE "Task" ADD COLUMN "kind" "TaskKind" NOT NULL DEFAULT 'STANDARD';
