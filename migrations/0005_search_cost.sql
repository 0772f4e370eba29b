-- Cheaper hybrid search (issue #12): shorter embeddings kept in the row, and per-lexeme chunk
-- counts so a query can be reduced to its most telling words. docs/performance.md has the figures.
CREATE TABLE "knowledge_lexemes" (
	"lexeme" text PRIMARY KEY NOT NULL,
	"chunks" integer NOT NULL
);
--> statement-breakpoint
-- 1536 → 512 dimensions. A text-embedding-3 vector shortened this way (its first 512 values,
-- scaled back to unit length) is what the API returns when asked for `dimensions: 512`, so stored
-- embeddings stay valid without re-embedding. `plain` storage keeps the 2 KB vector uncompressed in
-- the row, and toast_tuple_target keeps a chunk's row whole up to 8 KB: a chunk (at most 2,000
-- characters) then has its vector and its tsvector in the row, where a scan reads them without a
-- TOAST lookup per chunk (a larger row is still compressed or moved out as before). All three
-- take effect in the one table rewrite.
DROP INDEX "knowledge_chunks_embedding_idx";--> statement-breakpoint
ALTER TABLE "knowledge_chunks"
	ALTER COLUMN "embedding" SET DATA TYPE vector(512) USING l2_normalize(subvector("embedding", 1, 512)),
	ALTER COLUMN "embedding" SET STORAGE PLAIN,
	SET (toast_tuple_target = 8160);--> statement-breakpoint
CREATE INDEX "knowledge_chunks_embedding_idx" ON "knowledge_chunks" USING hnsw ("embedding" vector_cosine_ops);--> statement-breakpoint
-- The counts follow every change to knowledge_chunks: statement-level triggers with transition
-- tables, one aggregate upsert per statement (an ingest inserts all of a document's chunks at once).
-- Rows are upserted in lexeme order so concurrent ingests lock them in the same order.
CREATE FUNCTION "knowledge_lexemes_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO knowledge_lexemes AS s (lexeme, chunks)
		SELECT lexeme, count(*) FROM new_chunks, unnest(tsvector_to_array(search_vector)) AS lexeme
		GROUP BY lexeme ORDER BY lexeme
	ON CONFLICT (lexeme) DO UPDATE SET chunks = s.chunks + excluded.chunks;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "knowledge_lexemes_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE knowledge_lexemes AS s SET chunks = s.chunks - gone.n
	FROM (
		SELECT lexeme, count(*) AS n FROM old_chunks, unnest(tsvector_to_array(search_vector)) AS lexeme GROUP BY lexeme
	) AS gone
	WHERE s.lexeme = gone.lexeme;
	DELETE FROM knowledge_lexemes
	WHERE chunks <= 0 AND lexeme IN (SELECT unnest(tsvector_to_array(search_vector)) FROM old_chunks);
	RETURN NULL;
END $$;--> statement-breakpoint
-- An update changes the counts only where a chunk's text changed (re-embedding changes none).
CREATE FUNCTION "knowledge_lexemes_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO knowledge_lexemes AS s (lexeme, chunks)
		SELECT lexeme, sum(n) FROM (
			SELECT lexeme, 1 AS n FROM new_chunks, unnest(tsvector_to_array(search_vector)) AS lexeme
			UNION ALL
			SELECT lexeme, -1 AS n FROM old_chunks, unnest(tsvector_to_array(search_vector)) AS lexeme
		) AS delta
		GROUP BY lexeme HAVING sum(n) <> 0 ORDER BY lexeme
	ON CONFLICT (lexeme) DO UPDATE SET chunks = s.chunks + excluded.chunks;
	DELETE FROM knowledge_lexemes
	WHERE chunks <= 0 AND lexeme IN (SELECT unnest(tsvector_to_array(search_vector)) FROM old_chunks);
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "knowledge_lexemes_after_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM knowledge_lexemes;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "knowledge_chunks_lexemes_insert" AFTER INSERT ON "knowledge_chunks"
	REFERENCING NEW TABLE AS new_chunks FOR EACH STATEMENT EXECUTE FUNCTION "knowledge_lexemes_after_insert"();--> statement-breakpoint
CREATE TRIGGER "knowledge_chunks_lexemes_delete" AFTER DELETE ON "knowledge_chunks"
	REFERENCING OLD TABLE AS old_chunks FOR EACH STATEMENT EXECUTE FUNCTION "knowledge_lexemes_after_delete"();--> statement-breakpoint
CREATE TRIGGER "knowledge_chunks_lexemes_update" AFTER UPDATE ON "knowledge_chunks"
	REFERENCING OLD TABLE AS old_chunks NEW TABLE AS new_chunks FOR EACH STATEMENT EXECUTE FUNCTION "knowledge_lexemes_after_update"();--> statement-breakpoint
CREATE TRIGGER "knowledge_chunks_lexemes_truncate" AFTER TRUNCATE ON "knowledge_chunks"
	FOR EACH STATEMENT EXECUTE FUNCTION "knowledge_lexemes_after_truncate"();--> statement-breakpoint
INSERT INTO "knowledge_lexemes" (lexeme, chunks)
	SELECT lexeme, count(*) FROM knowledge_chunks, unnest(tsvector_to_array(search_vector)) AS lexeme GROUP BY lexeme;
