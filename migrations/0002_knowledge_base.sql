CREATE TYPE "public"."knowledge_type" AS ENUM('dsm5_criteria', 'treatment_guideline', 'clinical_guideline', 'assessment_tool', 'reference');--> statement-breakpoint
CREATE TABLE "knowledge_chunks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"heading" text,
	"content" text NOT NULL,
	"embedding" vector(1536),
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(heading, '')), 'A') || setweight(to_tsvector('english', content), 'B')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "knowledge_type" NOT NULL,
	"title" text NOT NULL,
	"disorder" text,
	"dsm5_code" text,
	"icd11_code" text,
	"codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"category" text,
	"evidence_level" text,
	"source" text,
	"content" text NOT NULL,
	"object_key" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knowledge_documents_object_key_unique" UNIQUE("object_key")
);
--> statement-breakpoint
ALTER TABLE "knowledge_chunks" ADD CONSTRAINT "knowledge_chunks_document_id_knowledge_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."knowledge_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_chunks_document_idx" ON "knowledge_chunks" USING btree ("document_id","ordinal");--> statement-breakpoint
CREATE INDEX "knowledge_chunks_search_idx" ON "knowledge_chunks" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "knowledge_chunks_embedding_idx" ON "knowledge_chunks" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
CREATE INDEX "knowledge_documents_type_idx" ON "knowledge_documents" USING btree ("type");--> statement-breakpoint
CREATE INDEX "knowledge_documents_codes_idx" ON "knowledge_documents" USING gin ("codes");--> statement-breakpoint
CREATE INDEX "knowledge_documents_title_trgm_idx" ON "knowledge_documents" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "knowledge_documents_disorder_trgm_idx" ON "knowledge_documents" USING gin ("disorder" gin_trgm_ops);