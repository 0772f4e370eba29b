/**
 * The console's knowledge pages: search (a POST, since a query may be clinical text; validated by
 * the search route's own schema; the same statement and query-embedding limit as the API) and a
 * document view, which is where every citation in the console links.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../env";
import { findDocument } from "../../knowledge/knowledge.data";
import { getDocument, search } from "../../knowledge/knowledge.routes";
import { searchDepsOf, searchKnowledge } from "../../knowledge/search-knowledge.flow";
import { ProblemError } from "../../lib/problem";
import { useCaseDeps } from "../../use-case/deps";
import { consoleLocale, t } from "../i18n/i18n";
import { DocumentPage } from "../pages/document";
import { KnowledgePage } from "../pages/knowledge";
import { parsed } from "../parsed";
import { renderPage } from "../render";
import { consoleSession } from "../session";

export const knowledgePages = new Hono<AppEnv>();

knowledgePages.get("/", consoleSession, (c) =>
  renderPage(c, <KnowledgePage account={c.var.account} csrfToken={c.var.csrfToken} view={{}} />),
);

knowledgePages.post("/", consoleSession, async (c) => {
  const form = await c.req.parseBody();
  const { q, type, limit } = parsed(search.request.query.safeParse({ q: form.q, ...(form.type ? { type: form.type } : {}) }), "body");
  const { mode, coverage, hits } = await searchKnowledge(searchDepsOf(useCaseDeps(c)), { query: q, type, limit });
  return renderPage(
    c,
    <KnowledgePage account={c.var.account} csrfToken={c.var.csrfToken} view={{ query: q, type, mode, coverage, hits }} />,
  );
});

knowledgePages.get("/:id", consoleSession, async (c) => {
  const { id } = parsed(getDocument.request.params.safeParse(c.req.param()), "path");
  const [document] = await findDocument(c.var.db, id);
  if (!document) {
    // The problem in the clinician's language: the console's error page shows its detail.
    const detail = t(consoleLocale(c.var.account, c.req.header("accept-language")), "knowledge.notFound");
    throw new ProblemError(404, { code: "not_found", detail });
  }
  return renderPage(c, <DocumentPage account={c.var.account} csrfToken={c.var.csrfToken} document={document} />);
});
