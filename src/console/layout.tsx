/**
 * The page frame every console page shares: skip link, header with the role's navigation and
 * sign-out, one main landmark, and the decision-support disclaimer. Scripts are files under
 * /app/assets (the CSP allows no inline script); `csrf-token` is where they read the token.
 */
import type { Child } from "hono/jsx";
import type { UserRow } from "../auth/auth.table";
import { visibleTools } from "./tools";

export interface LayoutProps {
  title: string;
  /** The signed-in account; absent on the sign-in page. */
  account?: UserRow;
  csrfToken?: string;
  /** The current path, marked in the navigation. */
  path?: string;
  /** Module scripts under /app/assets/ this page needs besides console.js. */
  scripts?: string[];
  children?: Child;
}

export const ROLE_LABELS: Record<UserRow["role"], string> = {
  therapist: "Therapist",
  psychiatrist: "Psychiatrist",
  psychologist: "Psychologist",
  student: "Student",
  admin: "Administrator",
};

export function Layout({ title, account, csrfToken, path, scripts = [], children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Therapy Assistant`}</title>
        {csrfToken && <meta name="csrf-token" content={csrfToken} />}
        <link rel="stylesheet" href="/app/assets/console.css" />
        <script type="module" src="/app/assets/console.js" />
        {scripts.map((script) => (
          <script type="module" src={`/app/assets/${script}`} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          Skip to main content
        </a>
        <header class="site-header">
          <a class="brand" href="/app">
            Therapy Assistant
          </a>
          {account && <Navigation account={account} path={path} />}
          {account && csrfToken && (
            <form class="sign-out" method="post" action="/app/logout">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <span class="who">
                {account.firstName} {account.lastName} · {ROLE_LABELS[account.role]}
              </span>
              <button type="submit">Sign out</button>
            </form>
          )}
        </header>
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
        <footer class="site-footer">
          <p>
            Decision support only: the Therapy Assistant never replaces clinical judgement. Suggestions cite their sources; verify them
            before acting. In an emergency, call your local emergency number.
          </p>
        </footer>
      </body>
    </html>
  );
}

function Navigation({ account, path }: { account: UserRow; path?: string }) {
  return (
    <nav aria-label="Tools">
      <ul>
        {visibleTools(account).map((tool) => (
          <li>
            <a href={tool.path} aria-current={tool.path === path ? "page" : undefined}>
              {tool.label}
              {tool.locked && <span class="locked"> (needs verification)</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What a student or unverified clinician sees instead of a clinical tool. */
export function NeedsVerification({ account }: { account: UserRow }) {
  return (
    <div class="notice" role="note">
      <h2>Verification needed</h2>
      {account.role === "student" ? (
        <p>
          This tool is for licensed professionals (therapists, psychiatrists, psychologists) whose licence an administrator has verified.
          Student accounts cannot use it.
        </p>
      ) : (
        <p>
          An administrator must verify your licence before you can use this tool. Check your licence details in{" "}
          <a href="/app/settings">Settings</a>; an administrator is notified through the admin console.
        </p>
      )}
    </div>
  );
}
