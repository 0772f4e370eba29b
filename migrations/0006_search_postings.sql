CREATE TABLE "knowledge_postings" (
	"lexeme" text NOT NULL,
	"chunk_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"in_heading" boolean NOT NULL,
	"in_synonyms" boolean NOT NULL,
	CONSTRAINT "knowledge_postings_lexeme_chunk_id_pk" PRIMARY KEY("lexeme","chunk_id")
);
--> statement-breakpoint
ALTER TABLE "knowledge_postings" ADD CONSTRAINT "knowledge_postings_chunk_id_knowledge_chunks_id_fk" FOREIGN KEY ("chunk_id") REFERENCES "public"."knowledge_chunks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_postings_chunk_idx" ON "knowledge_postings" USING btree ("chunk_id");--> statement-breakpoint
-- Search looks up a query's rarest terms in these postings by primary key (src/knowledge/search.ts)
-- instead of testing every chunk's tsvector against every term. The lexeme-count triggers of 0005
-- keep them too: one insert per statement from its transition table; deletes cascade from the chunk.
-- `in_synonyms` marks the synonyms chunk by its heading, which ingestion writes as
-- "<title> › Also described as" (SYNONYMS_HEADING in src/knowledge/chunking.ts).
CREATE OR REPLACE FUNCTION "knowledge_lexemes_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO knowledge_lexemes AS s (lexeme, chunks)
		SELECT lexeme, count(*) FROM new_chunks, unnest(tsvector_to_array(search_vector)) AS lexeme
		GROUP BY lexeme ORDER BY lexeme
	ON CONFLICT (lexeme) DO UPDATE SET chunks = s.chunks + excluded.chunks;
	INSERT INTO knowledge_postings (lexeme, chunk_id, document_id, in_heading, in_synonyms)
		SELECT u.lexeme, c.id, c.document_id, 'A' = ANY(u.weights), coalesce(c.heading LIKE '%› Also described as', false)
		FROM new_chunks c, unnest(c.search_vector) AS u;
	RETURN NULL;
END $$;--> statement-breakpoint
-- An update changes the postings only where a chunk's text or heading changed (re-embedding changes neither).
CREATE OR REPLACE FUNCTION "knowledge_lexemes_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
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
	DELETE FROM knowledge_postings p
	USING old_chunks o JOIN new_chunks n ON n.id = o.id
	WHERE p.chunk_id = o.id
		AND (o.search_vector IS DISTINCT FROM n.search_vector OR o.heading IS DISTINCT FROM n.heading OR o.document_id IS DISTINCT FROM n.document_id);
	INSERT INTO knowledge_postings (lexeme, chunk_id, document_id, in_heading, in_synonyms)
		SELECT u.lexeme, n.id, n.document_id, 'A' = ANY(u.weights), coalesce(n.heading LIKE '%› Also described as', false)
		FROM new_chunks n JOIN old_chunks o ON o.id = n.id, unnest(n.search_vector) AS u
		WHERE o.search_vector IS DISTINCT FROM n.search_vector OR o.heading IS DISTINCT FROM n.heading OR o.document_id IS DISTINCT FROM n.document_id
	ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "knowledge_lexemes_after_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM knowledge_lexemes;
	DELETE FROM knowledge_postings;
	RETURN NULL;
END $$;--> statement-breakpoint
INSERT INTO knowledge_postings (lexeme, chunk_id, document_id, in_heading, in_synonyms)
	SELECT u.lexeme, c.id, c.document_id, 'A' = ANY(u.weights), coalesce(c.heading LIKE '%› Also described as', false)
	FROM knowledge_chunks c, unnest(c.search_vector) AS u;
