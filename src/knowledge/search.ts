/**
 * Hybrid retrieval in one SQL statement (one round trip): a document-level full-text score from
 * the postings (the weight of the query's rarest terms each document holds) and pgvector cosine
 * similarity, fused per document with reciprocal rank fusion, plus a direct hit for exact
 * diagnostic codes ("F41.1", "300.02", "6B00"). Without a query embedding it is lexical only.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../lib/db";
import type { KnowledgeType } from "./knowledge.table";
import { searchText } from "./search-text";

/** RRF's k: dampens the weight of top ranks so neither list dominates. */
const RRF_K = 60;
/**
 * The vector ranking's weight in the fusion, against 1 for the full-text ranking. Set on the
 * evaluation set (EVALUATION.md) with the stub's embeddings, which rank far worse than full text
 * (hashed words, no meaning): at 1 the hybrid top 3 held the expected disorder for 249 of 295
 * vignettes, at 0.5 for 270, while full text alone found 282. Half weight keeps a real model's
 * semantic matches in play without letting a weak ranking undo the full-text one; rerun
 * `npm run eval` with a real embedding model before changing it (docs/evaluation.md).
 */
const SEMANTIC_WEIGHT = 0.5;
/** Chunks the vector index returns before fusion. */
const VECTOR_CANDIDATES = 60;
/** An exact code match outranks any fused score (max fused ≈ 2 / (k + 1)). */
const CODE_MATCH_BOOST = 1;

export interface SearchHit {
  id: string;
  title: string;
  type: KnowledgeType;
  disorder: string | null;
  dsm5_code: string | null;
  icd11_code: string | null;
  category: string | null;
  evidence_level: string | null;
  snippet: string;
  /** The best-matching chunk in full (what a prompt should quote), or the document's opening. */
  passage: string;
  score: number;
  code_match: boolean;
  /** The whole document's text, only when asked for ({@link SearchOptions.documentText}). */
  document_text: string | null;
  /**
   * How much of the query's full-text weight this document holds (0-1): the inverse-document-
   * frequency weight of the query terms it contains over that of all the terms searched. What
   * coverage.ts reads to tell a good match from the nearest of unrelated documents.
   */
  term_coverage: number;
  /** Share of the query's words of five letters or more that no document of the knowledge base uses. */
  unknown_share: number;
}

// ICD-10-CM (F41.1), DSM-IV/ICD-9-CM (300.02), ICD-11 MMS in the mental-health chapters (6B00) and
// in the chapters that start with two letters (sleep-wake 7A00 is numeric; gender incongruence HA60,
// PMDD GA34.41, acute stress reaction QE84).
const CODE_PATTERN =
  /^(?:[A-Z]\d{2}(?:\.[0-9A-Z]{1,4})?|\d{3}(?:\.\d{1,2}X?)?|\d[A-Z][0-9A-Z]{2}(?:\.[0-9A-Z]{1,2})?|[A-Z]{2}\d{2}(?:\.[0-9A-Z]{1,2})?)$/;

/** "F41.1." and "F41.1:" are F41.1; trimmed from the end, as `/[.:]+$/` would retry from every dot of a long run. */
function withoutTrailingDots(token: string): string {
  let end = token.length;
  while (end > 0 && (token[end - 1] === "." || token[end - 1] === ":")) end--;
  return token.slice(0, end);
}

/** Tokens of the query that look like DSM-5-TR/ICD-10-CM, DSM-IV or ICD-11 codes, upper-cased. */
function codesIn(query: string): string[] {
  return [
    ...new Set(
      query
        .toUpperCase()
        .split(/[\s,;()]+/)
        .map(withoutTrailingDots)
        .filter((token) => CODE_PATTERN.test(token)),
    ),
  ];
}

/** Distinct words a query contributes at most (a 20,000-character case description has a few hundred). */
const MAX_QUERY_WORDS = 300;
/**
 * Lexemes the full-text side ranks on: the query's rarest ones that occur in the corpus at all
 * (counts in knowledge_lexemes). Ranking cost grows with the terms and the chunks they match, and
 * a long description's common words ("patient", "weeks", "reports") match most chunks while
 * telling little. On the vignette evaluation set (data/eval), the 12 rarest found the expected
 * criteria in the top 3 for 52 of 52 vignettes, lexical and hybrid, against 51 of 52 with the
 * first 64 words of the text; the lexical half of a search cost about half as much.
 */
const QUERY_LEXEMES = 32;
/**
 * A term's weight is ln(1 + IDF_SCALE / chunks holding it): rare words tell more. The scale is of
 * the order of the corpus's chunk count; it sets how much more a rare word counts than a common one.
 */
const IDF_SCALE = 1000;
/** Extra weight for a term in a heading (a document's title or section) or in its synonyms chunk. */
const HEADING_BONUS = 0.5;
const SYNONYM_BONUS = 0.5;

/**
 * The query's distinct words reduced to [a-z0-9] (so no tsquery operator from user input
 * survives), space-separated for `to_tsvector`: Postgres applies stemming and stop words.
 */
function queryWords(query: string): string {
  const words =
    query
      .toLowerCase()
      .normalize("NFKD")
      .match(/[a-z0-9]+/g) ?? [];
  // Bare numbers (ages, doses, counts) tell nothing about a subject: a 27- and a 42-year-old with the
  // same story must find the same documents. Codes are matched apart (codesIn), from the raw query.
  return [...new Set(words.filter((word) => word.length > 1 && !/^\d+$/.test(word)))].slice(0, MAX_QUERY_WORDS).join(" ");
}

export interface SearchOptions {
  query: string;
  /**
   * The query as retrieval reads it (searchText), when the caller made it already for the query's
   * embedding: on a 20,000-character note it costs ~5 ms of CPU, not worth spending twice.
   */
  affirmed?: string;
  embedding: number[] | null;
  type?: KnowledgeType;
  limit: number;
  /**
   * Highlight the best-matching words (`ts_headline`, ~1.5 ms a query) for `snippet`. Callers
   * that never show snippets (the model-backed RAG answers) skip it and get the passage's opening.
   */
  snippets?: boolean;
  /**
   * Also return each document's whole text: offline answers quote sections (e.g. a guideline's
   * pharmacotherapy) that the best-matching chunk may not contain.
   */
  documentText?: boolean;
}

/**
 * The search as an unexecuted statement, so a route can send it in one batch (one round trip)
 * with other statements, e.g. the caller's account check.
 */
export function searchStatement(db: Database, options: SearchOptions) {
  const { query, affirmed, type } = options;
  return db.execute(sql`
    with
    ${lexicalCtes(affirmed ?? searchText(query), type)},
    ${rankedCtes(options)}
    ${rankedSelect(options)}
  `);
}

/**
 * The full-text half of a search, run on its own while the query is being embedded (issue 26):
 * a hybrid search then waits on the database only for {@link rankedSearchStatement}, which takes
 * these rows back as parameters. The ranking is the same as {@link searchStatement}'s.
 */
export async function lexicalSearch(
  db: Database,
  { query, affirmed, type }: Pick<SearchOptions, "query" | "affirmed" | "type">,
): Promise<LexicalRanking> {
  const result = await db.execute(sql`
    with ${lexicalCtes(affirmed ?? searchText(query), type)}
    select (select tsq::text from lexical_q) as tsq,
           (select query_weight from lexical_q)::float8 as query_weight,
           (select unknown_terms from lexical_q)::int as unknown_terms,
           (select known_terms from lexical_q)::int as known_terms,
           -- As JSON, which the driver parses whatever the element type; float8 text round-trips exactly.
           coalesce(json_agg(document_id order by rank), '[]') as document_ids,
           coalesce(json_agg(chunk_id order by rank), '[]') as chunk_ids,
           coalesce(json_agg(matched_weight::float8 order by rank), '[]') as matched_weights
    from lexical_ranked
  `);
  const row = result.rows[0] as Record<string, unknown>;
  return {
    tsq: (row.tsq as string | null) ?? null,
    queryWeight: Number(row.query_weight ?? 0),
    unknownTerms: Number(row.unknown_terms ?? 0),
    knownTerms: Number(row.known_terms ?? 0),
    documentIds: row.document_ids as string[],
    chunkIds: row.chunk_ids as string[],
    matchedWeights: (row.matched_weights as Array<number | string>).map(Number),
  };
}

/** The full-text ranking of a query (documents in rank order), as {@link lexicalSearch} returns it. */
export interface LexicalRanking {
  tsq: string | null;
  queryWeight: number;
  unknownTerms: number;
  knownTerms: number;
  documentIds: string[];
  chunkIds: string[];
  matchedWeights: number[];
}

/** The rest of a search once its full-text half is known: the vector side, code hits, fusion and the page. */
export function rankedSearchStatement(db: Database, lexical: LexicalRanking, options: SearchOptions) {
  return db.execute(sql`
    with
    lexical_q as (
      select ${lexical.tsq}::tsquery as tsq, ${lexical.queryWeight}::float8 as query_weight,
             ${lexical.unknownTerms}::int as unknown_terms, ${lexical.knownTerms}::int as known_terms
    ),
    lexical_ranked as (
      select l.document_id, l.chunk_id, l.matched_weight, l.rank
      from unnest(${sql.param(lexical.documentIds)}::uuid[], ${sql.param(lexical.chunkIds)}::uuid[],
                  ${sql.param(lexical.matchedWeights)}::float8[]) with ordinality as l(document_id, chunk_id, matched_weight, rank)
    ),
    ${rankedCtes(options)}
    ${rankedSelect(options)}
  `);
}

/** The full-text side: the query's rarest known terms, each document's weight of them, ranked (`lexical_ranked`). */
function lexicalCtes(affirmedText: string, type: KnowledgeType | undefined) {
  // What the description affirms: denied findings and family history do not drive the search.
  const words = queryWords(affirmedText);
  const postingTypeFilter = type
    ? sql`p.document_id in (select id from knowledge_documents d where d.type = ${type}::knowledge_type)`
    : sql`true`;
  return sql`
    -- Each count is read by primary key: a join would scan the whole lexeme table per query.
    counted as (
      select t.lexeme, (select s.chunks from knowledge_lexemes s where s.lexeme = t.lexeme) as chunks
      from unnest(tsvector_to_array(to_tsvector('english', ${words}))) as t(lexeme)
    ),
    terms as (
      select lexeme, ln(1 + ${IDF_SCALE}::float8 / chunks) as idf
      from counted where chunks > 0 order by chunks, lexeme limit ${QUERY_LEXEMES}
    ),
    lexical_q as (
      -- Lexemes are [a-z0-9] (from the words above), so they join into tsquery text as they are.
      select (select string_agg(lexeme, ' | ')::tsquery from terms) as tsq,
             (select coalesce(sum(idf), 0) from terms) as query_weight,
             -- Words of the question the knowledge base never uses: a sign it is about something else
             -- (five letters or more: shorter ones are mostly abbreviations, units and names).
             (select count(*) from counted where coalesce(chunks, 0) = 0 and lexeme ~ '^[a-z]{5,}$') as unknown_terms,
             (select count(*) from counted where chunks > 0) as known_terms
    ),
    -- Every chunk holding a term, with where the term stands in it: read from the postings by
    -- primary key (testing each chunk's tsvector against each term cost a scan of every chunk per
    -- term: ~30 of a query's ~36 ms on PGlite with 1,500 chunks). Each term's postings are read in
    -- a lateral subquery ("offset 0" keeps it from being flattened into a join): the planner cannot
    -- see how few terms there are and, as a join, chose a scan of every posting (p50 19.9 → 10.6 ms
    -- per search on PGlite with 1,510 chunks, issue 26).
    chunk_terms as (
      select t.lexeme, t.idf, p.document_id, p.chunk_id, p.in_heading, p.in_synonyms
      from terms t
      cross join lateral (
        select p.document_id, p.chunk_id, p.in_heading, p.in_synonyms from knowledge_postings p
        where p.lexeme = t.lexeme and ${postingTypeFilter}
        offset 0
      ) p
    ),
    -- A document scores the weight of the distinct terms it holds anywhere (a description's
    -- symptoms are spread over its criteria, features and synonyms), more where a heading or its
    -- synonyms hold them.
    document_terms as (
      select document_id, lexeme, max(idf) as idf, bool_or(in_heading) as in_heading, bool_or(in_synonyms) as in_synonyms
      from chunk_terms group by document_id, lexeme
    ),
    best_chunk as (
      select distinct on (document_id) document_id, chunk_id
      from (select document_id, chunk_id, sum(idf) as weight from chunk_terms group by document_id, chunk_id) w
      order by document_id, weight desc, chunk_id
    ),
    lexical as (
      select t.document_id, b.chunk_id,
             sum(t.idf * (1 + case when t.in_heading then ${HEADING_BONUS}::float8 else 0 end
                            + case when t.in_synonyms then ${SYNONYM_BONUS}::float8 else 0 end)) as rank_score,
             sum(t.idf) as matched_weight
      from document_terms t join best_chunk b on b.document_id = t.document_id
      group by t.document_id, b.chunk_id
    ),
    lexical_ranked as (
      select document_id, chunk_id, matched_weight, row_number() over (order by rank_score desc, document_id) as rank from lexical
    )
  `;
}

/** The vector side (when there is an embedding), exact code hits, the fusion and the page (`top`). */
function rankedCtes({ query, embedding, type, limit }: SearchOptions) {
  // sql.param keeps the array one parameter (a bare array would expand into a list of them).
  // The vector is sent once (in `q`) and referenced from there: as text it is ~5–10 KB.
  const codes = sql.param(codesIn(query));
  const vectorText = embedding ? `[${embedding.join(",")}]` : null;
  const typeFilter = type ? sql`d.type = ${type}::knowledge_type` : sql`true`;
  const documentTypeFilter = type ? sql`c.document_id in (select id from knowledge_documents d where ${typeFilter})` : sql`true`;
  return sql`
    q as (select lexical_q.*, ${vectorText}::vector as embedding from lexical_q),
    -- Chunks alone (no join) so the planner keeps the HNSW index; a type filter is a semi-join.
    nearest as (
      select c.document_id, c.id as chunk_id, c.embedding <=> (select embedding from q) as distance
      from knowledge_chunks c
      where (select embedding from q) is not null and c.embedding is not null
        and ${documentTypeFilter}
      order by c.embedding <=> (select embedding from q)
      limit ${VECTOR_CANDIDATES}
    ),
    semantic as (
      select distinct on (document_id) document_id, chunk_id, distance from nearest order by document_id, distance
    ),
    semantic_ranked as (
      select document_id, chunk_id, distance, row_number() over (order by distance, document_id) as rank from semantic
    ),
    code_hits as (
      select d.id as document_id from knowledge_documents d
      where cardinality(${codes}::text[]) > 0 and ${typeFilter}
        and exists (select 1 from unnest(d.codes) as code where code = any(${codes}::text[]) or split_part(code, '.', 1) = any(${codes}::text[]))
    ),
    fused as (
      select coalesce(l.document_id, s.document_id, h.document_id) as document_id,
             coalesce(l.chunk_id, s.chunk_id) as chunk_id,
             coalesce(1.0 / (${RRF_K} + l.rank), 0) + ${SEMANTIC_WEIGHT}::float8 * coalesce(1.0 / (${RRF_K} + s.rank), 0)
               + case when h.document_id is not null then ${CODE_MATCH_BOOST} else 0 end as score,
             h.document_id is not null as code_match,
             l.matched_weight
      from lexical_ranked l
      full join semantic_ranked s on s.document_id = l.document_id
      full join code_hits h on h.document_id = coalesce(l.document_id, s.document_id)
    ),
    -- Ranked and cut to the page before any chunk or document text is read: text (and
    -- ts_headline) is only touched for the rows returned, by primary key.
    top as (
      select d.id, d.title, d.type, d.disorder, d.dsm5_code, d.icd11_code, d.category, d.evidence_level,
             f.chunk_id, f.score, f.code_match, f.matched_weight
      from fused f
      join knowledge_documents d on d.id = f.document_id
      order by f.score desc, d.type = 'dsm5_criteria' desc, d.title
      limit ${limit}
    )
  `;
}

/** The page's rows: each document with its best passage (and highlighted snippet, whole text when asked). */
function rankedSelect({ snippets = true, documentText = false }: SearchOptions) {
  const headline = snippets
    ? sql`case when q.tsq is not null and ch.content is not null
            then ts_headline('english', ch.content, q.tsq, 'MaxWords=40, MinWords=20, StartSel="", StopSel=""') end`
    : sql`null`;
  return sql`
    select t.id, t.title, t.type, t.disorder, t.dsm5_code, t.icd11_code, t.category, t.evidence_level,
           t.score::float8 as score, t.code_match,
           coalesce(t.matched_weight / nullif(q.query_weight, 0), 0)::float8 as term_coverage,
           (q.unknown_terms::float8 / greatest(q.unknown_terms + q.known_terms, 1)) as unknown_share,
           coalesce(${headline}, left(coalesce(ch.content, d.content), 280)) as snippet,
           left(coalesce(ch.content, d.content), 2400) as passage,
           case when ${documentText}::boolean then d.content end as document_text
    from top t
    join knowledge_documents d on d.id = t.id
    left join knowledge_chunks ch on ch.id = t.chunk_id
    cross join q
    order by t.score desc, t.type = 'dsm5_criteria' desc, t.title
  `;
}

export function toSearchHits(result: { rows: unknown[] }): SearchHit[] {
  return (result.rows as Array<Record<string, unknown>>).map((row) => ({
    id: row.id as string,
    title: row.title as string,
    type: row.type as KnowledgeType,
    disorder: (row.disorder as string | null) ?? null,
    dsm5_code: (row.dsm5_code as string | null) ?? null,
    icd11_code: (row.icd11_code as string | null) ?? null,
    category: (row.category as string | null) ?? null,
    evidence_level: (row.evidence_level as string | null) ?? null,
    snippet: String(row.snippet ?? "")
      .replace(/(^|\s)#{1,6}\s+/g, "$1")
      .replace(/\s+/g, " ")
      .trim(),
    passage: String(row.passage ?? ""),
    score: Number(row.score),
    code_match: row.code_match === true || row.code_match === "t",
    document_text: typeof row.document_text === "string" ? row.document_text : null,
    term_coverage: Number(row.term_coverage ?? 0),
    unknown_share: Number(row.unknown_share ?? 0),
  }));
}
