import { useMessages } from "../i18n/i18n";

/** The link to a list's next page (the cursor is in the href); nothing at the end of the list. */
export function NextPageLink({ href }: { href: string | null | undefined }) {
  const { t } = useMessages();
  if (!href) return null;
  return (
    <p>
      <a href={href} rel="next">
        {t("pages.nextPage")}
      </a>
    </p>
  );
}
