/** /app/knowledge/{id}: one source document, as a citation opens it. */
import type { UserRow } from "../../auth/auth.table";
import type { KnowledgeDocumentRow } from "../../knowledge/knowledge.table";
import { Markdown } from "../components/markdown";
import { useMessages } from "../i18n/i18n";
import { Layout } from "../layout";

export function DocumentPage({ account, csrfToken, document }: { account: UserRow; csrfToken: string; document: KnowledgeDocumentRow }) {
  const { t } = useMessages();
  const facts: Array<[string, string | null]> = [
    [t("pages.document.type"), t(`knowledge.type.${document.type}`)],
    [t("pages.document.disorder"), document.disorder],
    ["DSM-5-TR", document.dsm5Code],
    ["ICD-11", document.icd11Code],
    [t("pages.document.category"), document.category],
    [t("pages.document.evidenceLevel"), document.evidenceLevel],
    [t("pages.document.source"), document.source],
  ];
  return (
    <Layout title={document.title} account={account} csrfToken={csrfToken} path="/app/knowledge">
      <p>
        <a href="/app/knowledge">{t("pages.document.back")}</a>
      </p>
      <article class="card">
        <dl class="facts">
          {facts
            .filter(([, value]) => value)
            .map(([name, value]) => (
              <>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </>
            ))}
        </dl>
        <Markdown text={document.content} topLevel={2} />
      </article>
    </Layout>
  );
}
