-- DropIndex
DROP INDEX "webhook_deliveries_launched_at_idx";

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "claimed_until" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_launched_at_idx" ON "webhook_deliveries"("status", "launched_at");

