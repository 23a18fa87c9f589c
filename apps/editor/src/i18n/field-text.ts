import type { NodeKind } from '@edgeflow/graph';
import type { Language } from './translate.ts';
import { zhFields } from './zh.ts';

/** How the inspector names and explains one config field of a node kind. */
export interface FieldText {
  readonly label: string;
  readonly description?: string | undefined;
}

/** Field texts keyed by `kind/path`, the path naming list items and map values `*` (`condition/cases/*\/id`). */
export type FieldCatalogue = Readonly<Record<string, FieldText>>;

// English is the node catalog's own text (the field's name and its schema description), so it cannot
// drift from what compile() validates; other languages translate it here, in the editor, keeping
// @edgeflow/graph free of UI text.
const catalogues: Record<Language, FieldCatalogue | null> = { en: null, 'zh-CN': zhFields };

/**
 * The label and help of the config field at `path` of a `kind` node, in `language`.
 * @example fieldText('zh-CN', 'llm', 'prompt', { name: 'prompt' }).label // '提示词'
 */
export function fieldText(
  language: Language,
  kind: NodeKind,
  path: string,
  field: { readonly name: string; readonly description?: string | undefined },
): FieldText {
  const translated = catalogues[language]?.[`${kind}/${path}`];
  return translated ?? { label: field.name, description: field.description };
}
