-- Issue 23 (for issue 24's FHIR Condition): diagnoses a clinician records for a client; which diagnosis is sealed, its verification status is not.
CREATE TABLE "client_diagnoses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"body_sealed" text NOT NULL,
	"key_id" text NOT NULL,
	"verification" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_diagnoses" ADD CONSTRAINT "client_diagnoses_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_diagnoses_client_idx" ON "client_diagnoses" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "client_diagnoses_key_idx" ON "client_diagnoses" USING btree ("key_id");