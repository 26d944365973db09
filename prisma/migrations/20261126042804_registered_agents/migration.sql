-- CreateTable
CREATE TABLE "registered_agents" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "default_task_type" TEXT NOT NULL,
    "task_types" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registered_agents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "remote_dispatches" (
    "execution_id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "task_id" TEXT NOT NULL,
    "agent" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "task_token" BYTEA NOT NULL,
    "attempt" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "approval_requested_at" TIMESTAMPTZ(3),
    "pending_artifacts" JSONB NOT NULL DEFAULT '[]',
    "reports" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "remote_dispatches_pkey" PRIMARY KEY ("execution_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "registered_agents_tenant_id_slug_key" ON "registered_agents"("tenant_id", "slug");

-- CreateIndex
CREATE INDEX "remote_dispatches_task_id_idx" ON "remote_dispatches"("task_id");

-- AddForeignKey
ALTER TABLE "registered_agents" ADD CONSTRAINT "registered_agents_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "remote_dispatches" ADD CONSTRAINT "remote_dispatches_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

