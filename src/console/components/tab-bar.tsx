/**
 * The phone's navigation (under 600 px wide; console.css hides it wider, where the header's
 * navigation shows): four tabs for the tools a clinician reaches for between sessions, and More,
 * a <details> disclosure with every tool, so it opens and closes without script. The tabs are the
 * account's own visible tools (src/console/tools.ts), so a student's locked tools say so here too.
 */
import type { UserRow } from "../../auth/auth.table";
import { useMessages } from "../i18n/i18n";
import { mayUse, visibleTools } from "../tools";
import { ToolItems } from "./tool-items";

/** Clients for a clinician with a workspace; everyone else (students, administrators, the unverified) gets Cases. */
const tabPaths = (account: UserRow) => [
  "/app/diagnose",
  "/app/voice",
  "/app/notes",
  mayUse(account, "workspace") ? "/app/clients" : "/app/cases",
];

/** A tool's page or one under it (a client's page marks Clients). */
const isCurrent = (toolPath: string, path?: string) =>
  path !== undefined && (path === toolPath || (toolPath !== "/app" && path.startsWith(`${toolPath}/`)));

export function TabBar({ account, path }: { account: UserRow; path?: string }) {
  const { t } = useMessages();
  const tools = visibleTools(account);
  const tabs = tabPaths(account).flatMap((tabPath) => tools.filter((tool) => tool.path === tabPath));
  return (
    <nav class="tab-bar" aria-label={t("tabs.label")}>
      <ul>
        {tabs.map((tool) => (
          <li>
            <a href={tool.path} aria-current={isCurrent(tool.path, path) ? "page" : undefined}>
              {t(tool.label)}
              {tool.locked && <span class="visually-hidden"> {t("layout.needsVerification")}</span>}
            </a>
          </li>
        ))}
        <li>
          <details class="tab-more">
            <summary>{t("tabs.more")}</summary>
            <ul aria-label={t("tabs.allTools")}>
              <ToolItems tools={tools} path={path} />
            </ul>
          </details>
        </li>
      </ul>
    </nav>
  );
}
