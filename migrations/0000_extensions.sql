-- Custom SQL migration file, put your code below! --
-- Extensions the schema relies on: pgvector (embeddings) and pg_trgm (fuzzy names and codes).
-- Neon and PGlite (tools/local-neon) both provide them.
CREATE EXTENSION IF NOT EXISTS vector;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
