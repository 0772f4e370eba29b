/**
 * Model text (markdown) shown as plain paragraphs: headings and list markers stay as written,
 * nothing is interpreted as HTML (hono/jsx escapes every string).
 */
export function ModelText({ text }: { text: string }) {
  return (
    <div class="model-text">
      {text
        .split(/\n{2,}/)
        .map((block) => block.trim())
        .filter(Boolean)
        .map((block) =>
          /^#{1,6}\s/.test(block) ? <h3>{block.replace(/^#{1,6}\s+/, "")}</h3> : <p>{block.replace(/\*\*(.+?)\*\*/g, "$1")}</p>,
        )}
    </div>
  );
}
