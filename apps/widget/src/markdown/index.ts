export type { BlockNode, InlineNode } from './markdown-tree.ts';
export { parseInline } from './parse-inline.ts';
export { parseMarkdown } from './parse-markdown.ts';
export { renderMarkdown } from './render-markdown.ts';
export { safeLink } from './safe-link.ts';
