-- DropIndex
DROP INDEX "task_starts_created_at_idx";

-- AlterTable: starts pending while this runs belong to the default task queue.
ALTER TABLE "task_starts" ADD COLUMN     "task_queue" TEXT NOT NULL DEFAULT 'taskwright';
ALTER TABLE "task_starts" ALTER COLUMN "task_queue" DROP DEFAULT;

-- CreateIndex
CREATE INDEX "task_starts_task_queue_created_at_idx" ON "task_starts"("task_queue", "created_at");

