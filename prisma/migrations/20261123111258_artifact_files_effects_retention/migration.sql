-- AlterTable
ALTER TABLE "tenants" ADD COLUMN     "artifact_retention_days" INTEGER DEFAULT 90,
ADD COLUMN     "draft_expiry_days" INTEGER NOT NULL DEFAULT 7;

-- AlterTable
ALTER TABLE "artifacts" ADD COLUMN     "effect_applied_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_messages_idempotency_key_key" ON "outbox_messages"("idempotency_key");

-- CreateIndex
CREATE INDEX "outbox_messages_tenant_id_created_at_idx" ON "outbox_messages"("tenant_id", "created_at");

-- AddForeignKey
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

