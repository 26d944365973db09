-- CreateTable
CREATE TABLE "task_starts" (
    "task_id" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimed_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_starts_pkey" PRIMARY KEY ("task_id")
);

-- CreateIndex
CREATE INDEX "task_starts_created_at_idx" ON "task_starts"("created_at");

-- AddForeignKey
ALTER TABLE "task_starts" ADD CONSTRAINT "task_starts_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

