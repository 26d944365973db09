-- CreateTable
CREATE TABLE "step_results" (
    "id" TEXT NOT NULL,
    "task_id" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "step_results_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "step_results_task_id_idx" ON "step_results"("task_id");

-- AddForeignKey
ALTER TABLE "step_results" ADD CONSTRAINT "step_results_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

