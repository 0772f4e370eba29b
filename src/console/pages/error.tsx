/** A failed console request: the problem's message in the page, never a stack trace. */
import { useMessages } from "../i18n/i18n";
import { Layout } from "../layout";

export function ErrorPage({ status, detail, requestId }: { status: number; detail: string; requestId?: string }) {
  const { t } = useMessages();
  const title = t(status === 404 ? "pages.error.notFound" : status >= 500 ? "pages.error.failed" : "pages.error.didNotWork");
  return (
    <Layout title={title}>
      <div class="card" role="alert">
        <p>{detail}</p>
        {status === 401 && (
          <p>
            <a href="/app/login">{t("pages.error.signInAgain")}</a>
          </p>
        )}
        {requestId && <p class="muted">{t("pages.error.requestId", { id: requestId })}</p>}
        <p>
          <a href="/app">{t("pages.error.back")}</a>
        </p>
      </div>
    </Layout>
  );
}
