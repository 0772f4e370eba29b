CREATE TABLE "login_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"token_version" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "login_sessions" ADD CONSTRAINT "login_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_sessions_user_idx" ON "login_sessions" USING btree ("user_id");--> statement-breakpoint
-- Backfill: each existing refresh-token family becomes a login, revoked if any of its tokens was
-- (a successor inserted after a revocation no longer outlives it), ending 30 days after its first token.
INSERT INTO "login_sessions" ("id", "user_id", "token_version", "created_at", "expires_at", "revoked_at")
SELECT t."family_id", t."user_id", u."token_version", min(t."created_at"), min(t."created_at") + interval '30 days', max(t."revoked_at")
FROM "refresh_tokens" t JOIN "users" u ON u."id" = t."user_id"
GROUP BY t."family_id", t."user_id", u."token_version";--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_family_id_login_sessions_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."login_sessions"("id") ON DELETE cascade ON UPDATE no action;