-- Webhook secrets are sealed from now on (the worker reseals the existing ones when it starts);
-- what listings show of a secret is kept beside it, taken while the secrets are still plain.
ALTER TABLE "webhooks" ADD COLUMN     "secret_hint" TEXT;
UPDATE "webhooks" SET "secret_hint" = CASE WHEN length("secret") >= 16 THEN '…' || right("secret", 4) ELSE '…' END;
ALTER TABLE "webhooks" ALTER COLUMN "secret_hint" SET NOT NULL;
