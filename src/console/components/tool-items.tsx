/**
 * Every tool the account sees, as list items of links: the header's navigation and the phone's
 * More list show the same list, and a locked tool says why in both.
 */
import { useMessages } from "../i18n/i18n";
import type { visibleTools } from "../tools";

export function ToolItems({ tools, path }: { tools: ReturnType<typeof visibleTools>; path?: string }) {
  const { t } = useMessages();
  return (
    <>
      {tools.map((tool) => (
        <li>
          <a href={tool.path} aria-current={tool.path === path ? "page" : undefined}>
            {t(tool.label)}
            {tool.locked && <span class="locked"> {t("layout.needsVerification")}</span>}
          </a>
        </li>
      ))}
    </>
  );
}
