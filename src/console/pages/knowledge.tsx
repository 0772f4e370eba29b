/** /app/knowledge: the search form (posted: a query can be clinical text) and highlighted results. */
import type { UserRow } from "../../auth/auth.table";
import type { Coverage } from "../../knowledge/coverage";
import { KNOWLEDGE_TYPES, type KnowledgeType } from "../../knowledge/knowledge.table";
import type { SearchHit } from "../../knowledge/search";
import { Highlighted } from "../components/highlight";
import { useMessages } from "../i18n/i18n";
import { Layout } from "../layout";

export interface KnowledgeSearchView {
  query?: string;
  type?: string;
  mode?: "hybrid" | "lexical";
  coverage?: Coverage;
  hits?: SearchHit[];
}

export function KnowledgePage({ account, csrfToken, view }: { account: UserRow; csrfToken: string; view: KnowledgeSearchView }) {
  const { locale, t } = useMessages();
  const typeLabel = (type: KnowledgeType) => t(`knowledge.type.${type}`);
  const count = new Intl.NumberFormat(locale).format(view.hits?.length ?? 0);
  const results = t(view.hits?.length === 1 ? "knowledge.resultsOne" : "knowledge.resultsMany", { count });
  return (
    <Layout title={t("tool.knowledge")} account={account} csrfToken={csrfToken} path="/app/knowledge">
      <form class="card filters" method="post" action="/app/knowledge" aria-label={t("knowledge.searchLabel")}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <div class="grow">
          <label for="q">{t("knowledge.search")}</label>
          <input id="q" name="q" type="search" required maxlength={1000} value={view.query ?? ""} aria-describedby="q-hint" />
          <p id="q-hint" class="hint">
            {t("knowledge.queryHint")}
          </p>
        </div>
        <div>
          <label for="type">{t("knowledge.type")}</label>
          <select id="type" name="type">
            <option value="">{t("knowledge.anyType")}</option>
            {KNOWLEDGE_TYPES.map((type) => (
              <option value={type} selected={view.type === type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("knowledge.search")}</button>
      </form>
      {view.hits && (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t("knowledge.results")}</h2>
          <p aria-live="polite">{t(view.mode === "lexical" ? "knowledge.summaryLexical" : "knowledge.summaryHybrid", { results })}</p>
          {view.coverage === "low" && (
            <p class="notice" role="note">
              {t("knowledge.lowCoverage")}
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
