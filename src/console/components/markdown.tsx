/**
 * Model text (and a knowledge document's body) on a server-rendered page: the markdown subset
 * the browser's markdown.js shows, read by the same parser (public/app/assets/markdown-blocks.js),
 * as elements. hono/jsx escapes every string, so nothing in the text becomes HTML.
 */
import type { Block, Inline, List } from "../../../public/app/assets/markdown-blocks.js";
import { markdownBlocks } from "../../../public/app/assets/markdown-blocks.js";

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;

/** `topLevel`: the level of the text's top headings, one below the heading it sits under (h3 under an h2). */
export function Markdown({ text, topLevel = 3 }: { text: string; topLevel?: number }) {
  return (
    <div class="model-text">
      {markdownBlocks(text, topLevel).map((block) => (
        <BlockElement block={block} />
      ))}
    </div>
  );
}

function BlockElement({ block }: { block: Block }) {
  if (block.type === "heading") {
    const Heading = HEADINGS[block.level - 1];
    return (
      <Heading>
        <Inlines parts={block.children} />
      </Heading>
    );
  }
  if (block.type === "paragraph") {
    return (
      <p>
        <Inlines parts={block.children} />
      </p>
    );
  }
  return <ListElement list={block} />;
}

function ListElement({ list }: { list: List }) {
  const items = list.items.map((item) => (
    <li>
      <Inlines parts={item.children} />
      {item.lists.map((nested) => (
        <ListElement list={nested} />
      ))}
    </li>
  ));
  return list.ordered ? <ol start={list.start === 1 ? undefined : list.start}>{items}</ol> : <ul>{items}</ul>;
}

function Inlines({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((part) => {
        if (part.type === "text") return part.text;
        if (part.type === "code") return <code>{part.text}</code>;
        const children = <Inlines parts={part.children} />;
        if (part.type === "strong") return <strong>{children}</strong>;
        if (part.type === "em") return <em>{children}</em>;
        return <a href={part.href}>{children}</a>;
      })}
    </>
  );
}
