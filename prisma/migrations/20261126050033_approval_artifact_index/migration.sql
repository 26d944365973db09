-- CreateIndex
CREATE INDEX "approvals_artifact_id_idx" ON "approvals"("artifact_id");

