-- Issue 22: the clinician's country (ISO 3166-1 alpha-2; whose crisis lines the safety layer gives) and
-- console language. Both optional: null means "decide from the request" (edge country, Accept-Language).
ALTER TABLE "users" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locale" text;