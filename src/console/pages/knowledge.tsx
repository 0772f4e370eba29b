/** /app/knowledge: the search form (posted: a query can be clinical text) and highlighted results. */
import type { UserRow } from "../../auth/auth.table";
import type { Coverage } from "../../knowledge/coverage";
import { KNOWLEDGE_TYPES } from "../../knowledge/knowledge.table";
import type { SearchHit } from "../../knowledge/search";
import { Highlighted } from "../components/highlight";
import { Layout } from "../layout";

export interface KnowledgeSearchView {
  query?: string;
  type?: string;
  mode?: "hybrid" | "lexical";
  coverage?: Coverage;
  hits?: SearchHit[];
}

const typeLabel = (type: string) => type.replaceAll("_", " ");

export function KnowledgePage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: KnowledgeSearchView }) {
  return (
    <Layout title="Knowledge" account={account} csrfToken={csrfToken} path="/app/knowledge">
      <form class="card filters" method="post" action="/app/knowledge" aria-label="Search the knowledge base">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <div class="grow">
          <label for="q">Search</label>
          <input id="q" name="q" type="search" required maxlength={1000} value={view.query ?? ""} aria-describedby="q-hint" />
          <p id="q-hint" class="hint">
            Words, a disorder, or a code such as F41.1 or 6B00.
          </p>
        </div>
        <div>
          <label for="type">Type</label>
          <select id="type" name="type">
            <option value="">Any type</option>
            {KNOWLEDGE_TYPES.map((type) => (
              <option value={type} selected={view.type === type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Search</button>
      </form>
      {view.hits && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">Results</h2>
          <p aria-live="polite">
            {view.hits.length} {view.hits.length === 1 ? "result" : "results"}
            {view.mode === "lexical" ? " (full-text search)" : " (full-text and semantic search)"}.
          </p>
          {view.coverage === "low" && (
            <p class="notice" role="note">
              Low coverage: nothing in the knowledge base fits this search well; the results below are the nearest, not a match.
            </p>
          )}
          <ol class="results">
            {view.hits.map((hit) => (
              <li class="card">
                <a href={`/app/knowledge/${hit.id}`}>{hit.title}</a>
                <p class="muted">
                  {typeLabel(hit.type)}
                  {hit.dsm5_code && ` · DSM-5-TR ${hit.dsm5_code}`}
                  {hit.icd11_code && ` · ICD-11 ${hit.icd11_code}`}
                </p>
                <p>
                  <Highlighted text={hit.snippet} query={view.query ?? ""} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </Layout>
  );
}
