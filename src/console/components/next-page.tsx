/** The link to a list's next page (the cursor is in the href); nothing at the end of the list. */
export function NextPageLink({ href }: { href: string | null | undefined }) {
  if (!href) return null;
  return (
    <p>
      <a href={href} rel="next">
        Next page
      </a>
    </p>
  );
}
