-- Issue 23: the clinician workspace (docs/api.md §12). Clinical text lives only in *_sealed columns (AES-256-GCM
-- envelopes sealed in the Worker); key_id names the key each row is sealed under, for rotation.
CREATE TABLE "client_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"administered_at" timestamp (3) with time zone NOT NULL,
	"score" integer NOT NULL,
	"band" text NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"responses_sealed" text NOT NULL,
	"key_id" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"session_date" date NOT NULL,
	"format" text NOT NULL,
	"body_sealed" text NOT NULL,
	"key_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"goal_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"signed_at" timestamp (3) with time zone,
	"signed_by" uuid,
	CONSTRAINT "client_notes_signed_check" CHECK (("client_notes"."status" = 'signed') = ("client_notes"."signed_at" is not null and "client_notes"."signed_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"label" text NOT NULL,
	"year_of_birth" smallint,
	"sex" text,
	"preferred_language" text,
	"details_sealed" text,
	"key_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"discharged_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "goal_status_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"status" text NOT NULL,
	"by" uuid NOT NULL,
	"note_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note_id" uuid NOT NULL,
	"text_sealed" text NOT NULL,
	"key_id" text NOT NULL,
	"by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sections" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"text_sealed" text NOT NULL,
	"key_id" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "treatment_plans" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"body_sealed" text NOT NULL,
	"key_id" text NOT NULL,
	"review_date" date,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "client_retention_years" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "client_measures" ADD CONSTRAINT "client_measures_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_notes" ADD CONSTRAINT "client_notes_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_status_changes" ADD CONSTRAINT "goal_status_changes_goal_id_plan_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."plan_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_status_changes" ADD CONSTRAINT "goal_status_changes_note_id_client_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."client_notes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_addenda" ADD CONSTRAINT "note_addenda_note_id_client_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."client_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_templates" ADD CONSTRAINT "note_templates_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_client_id_treatment_plans_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."treatment_plans"("client_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_measures_series_idx" ON "client_measures" USING btree ("client_id","instrument","administered_at","id");--> statement-breakpoint
CREATE INDEX "client_measures_key_idx" ON "client_measures" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "client_notes_client_idx" ON "client_notes" USING btree ("client_id","session_date" DESC NULLS LAST,"created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "client_notes_key_idx" ON "client_notes" USING btree ("key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_owner_label_key" ON "clients" USING btree ("owner_id",lower("label"));--> statement-breakpoint
CREATE INDEX "clients_owner_created_idx" ON "clients" USING btree ("owner_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "clients_discharged_idx" ON "clients" USING btree ("discharged_at") WHERE "clients"."status" = 'discharged';--> statement-breakpoint
CREATE INDEX "clients_key_idx" ON "clients" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "goal_status_changes_goal_idx" ON "goal_status_changes" USING btree ("goal_id","created_at");--> statement-breakpoint
CREATE INDEX "note_addenda_note_idx" ON "note_addenda" USING btree ("note_id","created_at");--> statement-breakpoint
CREATE INDEX "note_addenda_key_idx" ON "note_addenda" USING btree ("key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "note_templates_owner_name_key" ON "note_templates" USING btree ("owner_id",lower("name"));--> statement-breakpoint
CREATE INDEX "plan_goals_client_idx" ON "plan_goals" USING btree ("client_id","position");--> statement-breakpoint
CREATE INDEX "plan_goals_key_idx" ON "plan_goals" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "treatment_plans_key_idx" ON "treatment_plans" USING btree ("key_id");