/** A failed console request: the problem's message in the page, never a stack trace. */
import { Layout } from "../layout";

export function ErrorPage({ status, detail, requestId }: { status: number; detail: string; requestId?: string }) {
  const title = status === 404 ? "Page not found" : status >= 500 ? "Something went wrong" : "That did not work";
  return (
    <Layout title={title}>
      <div class="card" role="alert">
        <p>{detail}</p>
        {status === 401 && (
          <p>
            <a href="/app/login">Sign in again</a>
          </p>
        )}
        {requestId && <p class="muted">Request id: {requestId}</p>}
        <p>
          <a href="/app">Back to the dashboard</a>
        </p>
      </div>
    </Layout>
  );
}
