import type { BlockNode, InlineNode } from './markdown-tree.ts';

function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  children: readonly Node[] = [],
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.append(...children);
  return created;
}

function inline(document: Document, node: InlineNode): Node {
  switch (node.type) {
    case 'text':
      return document.createTextNode(node.text);
    case 'code': {
      const code = element(document, 'code');
      code.textContent = node.text;
      return code;
    }
    case 'strong':
      return element(document, 'strong', inlines(document, node.children));
    case 'emphasis':
      return element(document, 'em', inlines(document, node.children));
    case 'delete':
      return element(document, 'del', inlines(document, node.children));
    case 'link': {
      const anchor = element(document, 'a', inlines(document, node.children));
      anchor.href = node.href;
      anchor.target = '_blank';
      anchor.rel = 'noopener noreferrer';
      return anchor;
    }
    case 'break':
      return element(document, 'br');
  }
}

function inlines(document: Document, nodes: readonly InlineNode[]): Node[] {
  return nodes.map((node) => inline(document, node));
}

function block(document: Document, node: BlockNode): Node {
  switch (node.type) {
    case 'heading':
      return element(document, `h${node.level}`, inlines(document, node.children));
    case 'paragraph':
      return element(document, 'p', inlines(document, node.children));
    case 'list': {
      const items = node.items.map((item) => element(document, 'li', blocks(document, item)));
      if (!node.ordered) return element(document, 'ul', items);
      const list = element(document, 'ol', items);
      if (node.start !== 1) list.start = node.start;
      return list;
    }
    case 'code-block': {
      const code = element(document, 'code');
      code.textContent = node.text;
      return element(document, 'pre', [code]);
    }
    case 'quote':
      return element(document, 'blockquote', blocks(document, node.children));
    case 'rule':
      return element(document, 'hr');
  }
}

function blocks(document: Document, nodes: readonly BlockNode[]): Node[] {
  return nodes.map((node) => block(document, node));
}

/**
 * DOM nodes for a parsed answer, made with `createElement` and text nodes only: no markup string is
 * ever parsed, so nothing in the answer can become an element, attribute or handler of its own.
 * Links open in a new tab without access to this page (`noopener noreferrer`).
 */
export function renderMarkdown(document: Document, tree: readonly BlockNode[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(...blocks(document, tree));
  return fragment;
}
