import type { Child } from "hono/jsx";

/**
 * A table that scrolls sideways on a narrow phone instead of widening the page. The scrolling
 * region is focusable and named, so it can be scrolled with the keyboard (WCAG 2.1.1).
 */
export function TableWrap({ label, children }: { label: string; children: Child }) {
  return (
    // A named <section> is a region landmark.
    <section class="table-wrap" aria-label={label} tabindex={0}>
      {children}
    </section>
  );
}
