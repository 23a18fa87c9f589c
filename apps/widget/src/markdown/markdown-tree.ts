/**
 * The Markdown subset the widget renders, as plain data. There is deliberately no node for raw HTML
 * or images: model output is data, so `<script>`, `<img onerror>` and the like can only ever become
 * text, and an image becomes a link that loads nothing until the visitor follows it.
 */
export type InlineNode =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'strong' | 'emphasis' | 'delete'; readonly children: readonly InlineNode[] }
  /** `href` has passed {@link safeLink}: an absolute http(s) or mailto URL. */
  | { readonly type: 'link'; readonly href: string; readonly children: readonly InlineNode[] }
  | { readonly type: 'break' };

export type BlockNode =
  | {
      readonly type: 'heading';
      readonly level: 1 | 2 | 3 | 4 | 5 | 6;
      readonly children: readonly InlineNode[];
    }
  | { readonly type: 'paragraph'; readonly children: readonly InlineNode[] }
  | {
      readonly type: 'list';
      readonly ordered: boolean;
      readonly start: number;
      readonly items: readonly (readonly BlockNode[])[];
    }
  | { readonly type: 'code-block'; readonly language: string; readonly text: string }
  | { readonly type: 'quote'; readonly children: readonly BlockNode[] }
  | { readonly type: 'rule' };
