/** The sign-in page: email and password, the error of a failed attempt shown in the page. */
import { Layout } from "../layout";

export function LoginPage({ next, email = "", error, notice }: { next: string; email?: string; error?: string; notice?: string }) {
  return (
    <Layout title="Sign in">
      <form class="card narrow" method="post" action="/app/login" novalidate>
        {notice && (
          <p class="success" role="status">
            {notice}
          </p>
        )}
        {error && (
          <p class="error" role="alert" id="login-error">
            {error}
          </p>
        )}
        <input type="hidden" name="next" value={next} />
        <label for="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="username"
          required
          maxlength={254}
          value={email}
          aria-describedby={error ? "login-error" : undefined}
        />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required maxlength={128} />
        <button type="submit">Sign in</button>
      </form>
    </Layout>
  );
}
