-- AlterTable
ALTER TABLE "tasks" ADD COLUMN     "trigger_artifact_id" TEXT,
ADD COLUMN     "trigger_channel" TEXT,
ADD COLUMN     "trigger_depth" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trigger_task_id" TEXT;

-- CreateTable
CREATE TABLE "schedules" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "agent" TEXT NOT NULL,
    "task_type" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "title" TEXT,
    "spec" JSONB NOT NULL,
    "task_queue" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "triggers" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "artifact_type" TEXT NOT NULL,
    "source_agent" TEXT,
    "agent" TEXT NOT NULL,
    "task_type" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "input_map" JSONB NOT NULL,
    "task_queue" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "triggers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "title" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_secrets" (
    "tenant_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_secrets_pkey" PRIMARY KEY ("tenant_id","channel")
);

-- CreateTable
CREATE TABLE "channel_rules" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "match" JSONB NOT NULL,
    "agent" TEXT NOT NULL,
    "task_type" TEXT NOT NULL,
    "input_template" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_messages" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "subject" TEXT,
    "text" TEXT NOT NULL,
    "attachments" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "started" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "channel_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "schedules_tenant_id_created_at_idx" ON "schedules"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "triggers_tenant_id_artifact_type_idx" ON "triggers"("tenant_id", "artifact_type");

-- CreateIndex
CREATE INDEX "sessions_tenant_id_created_at_id_idx" ON "sessions"("tenant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "channel_rules_tenant_id_channel_created_at_idx" ON "channel_rules"("tenant_id", "channel", "created_at");

-- CreateIndex
CREATE INDEX "channel_messages_tenant_id_created_at_idx" ON "channel_messages"("tenant_id", "created_at");

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triggers" ADD CONSTRAINT "triggers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_secrets" ADD CONSTRAINT "channel_secrets_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_rules" ADD CONSTRAINT "channel_rules_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_messages" ADD CONSTRAINT "channel_messages_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

