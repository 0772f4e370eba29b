/**
 * The page frame every console page shares: skip link, header with the role's navigation and
 * sign-out, one main landmark, and the decision-support disclaimer. Scripts are files under
 * /app/assets (the CSP allows no inline script); `csrf-token` is where they read the token.
 */
import { type Child, useContext } from "hono/jsx";
import type { UserRow } from "../auth/auth.table";
import { IdleWarning } from "./components/idle-warning";
import { TabBar } from "./components/tab-bar";
import { ToolItems } from "./components/tool-items";
import { type MessageId, scriptMessagesJson, useMessages } from "./i18n/i18n";
import { IdleMinutesContext } from "./idle-session";
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

export const ROLE_LABELS: Record<UserRow["role"], MessageId> = {
  therapist: "role.therapist",
  psychiatrist: "role.psychiatrist",
  psychologist: "role.psychologist",
  student: "role.student",
  admin: "role.admin",
};

export function Layout({ title, account, csrfToken, path, scripts = [], children }: LayoutProps) {
  const { locale, t } = useMessages();
  // Sign-out after inactivity (idle.js) on every signed-in page; the limit travels in a meta, like the CSRF token.
  const idleLimit = useContext(IdleMinutesContext);
  const idleMinutes = account && csrfToken ? idleLimit : undefined;
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        {/* viewport-fit=cover lets the phone's tab bar reach the screen's edge, padded by env(safe-area-inset-*) in console.css. */}
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="color-scheme" content="light dark" />
        <title>{`${title} · ${t("app.name")}`}</title>
        {csrfToken && <meta name="csrf-token" content={csrfToken} />}
        {/* The scripts' strings in this page's language, read by /app/assets/messages.js (like the CSRF token, a meta: no inline script). */}
        {scripts.length > 0 && <meta name="console-messages" content={scriptMessagesJson(locale)} />}
        <link rel="stylesheet" href="/app/assets/console.css" />
        {/* The installable app: manifest, icons and the colour of the browser's bar (docs/pwa.md). */}
        <link rel="manifest" href="/app/manifest.webmanifest" />
        <link rel="icon" href="/app/icons/icon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/app/icons/apple-touch-icon.png" />
        <meta name="theme-color" content="#0b5cad" />
        <script type="module" src="/app/assets/console.js" />
        {idleMinutes && <meta name="console-idle-minutes" content={String(idleMinutes)} />}
        {idleMinutes && <script type="module" src="/app/assets/idle.js" />}
        {scripts.map((script) => (
          <script type="module" src={`/app/assets/${script}`} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("layout.skip")}
        </a>
        {idleMinutes && <IdleWarning />}
        <header class="site-header">
          <a class="brand" href="/app">
            {t("app.name")}
          </a>
          {account && <Navigation account={account} path={path} />}
          {account && csrfToken && (
            <form class="sign-out" method="post" action="/app/logout">
              <input type="hidden" name="_csrf" value={csrfToken} />
              <span class="who">
                {account.firstName} {account.lastName} · {t(ROLE_LABELS[account.role])}
              </span>
              <button type="submit">{t("layout.signOut")}</button>
            </form>
          )}
        </header>
        <main id="main" tabindex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
        <footer class="site-footer">
          <p>{t("layout.disclaimer")}</p>
        </footer>
        {account && <TabBar account={account} path={path} />}
      </body>
    </html>
  );
}

function Navigation({ account, path }: { account: UserRow; path?: string }) {
  const { t } = useMessages();
  return (
    <nav aria-label={t("layout.tools")}>
      <ul>
        <ToolItems tools={visibleTools(account)} path={path} />
      </ul>
    </nav>
  );
}

/** What a student or unverified clinician sees instead of a clinical tool. */
export function NeedsVerification({ account }: { account: UserRow }) {
  const { t } = useMessages();
  return (
    <div class="notice" role="note">
      <h2>{t("verification.heading")}</h2>
      {account.role === "student" ? (
        <p>{t("verification.student")}</p>
      ) : (
        <p>
          {t("verification.clinician")} <a href="/app/settings">{t("tool.settings")}</a>
          {t("verification.clinicianEnd")}
        </p>
      )}
    </div>
  );
}
