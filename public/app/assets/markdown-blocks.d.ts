/** The types of markdown-blocks.js, for the Worker's TypeScript (src/console/components/markdown.tsx) and the JSDoc there. */

export type Inline =
  | { type: "text"; text: string }
  | { type: "code"; text: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] };

export interface List {
  type: "list";
  ordered: boolean;
  start: number;
  items: Array<{ children: Inline[]; lists: List[] }>;
}

export type Block = { type: "heading"; level: number; children: Inline[] } | { type: "paragraph"; children: Inline[] } | List;

export function markdownBlocks(markdown: string, topLevel?: number): Block[];
