import { englishDocuments } from './documents-en.ts';
import { chineseDocuments } from './documents-zh.ts';
import type { EvalDocument } from './eval-types.ts';

export type { EvalDocument, EvalQuestion } from './eval-types.ts';
export { questions } from './questions.ts';

/** The 24 documents of the evaluation set, 12 in English and 12 in Chinese. */
export const evalDocuments: readonly EvalDocument[] = [...englishDocuments, ...chineseDocuments];

/** A document as the Markdown that is indexed. */
export const markdownOf = (document: EvalDocument) =>
  document.sections.map(([heading, body]) => `## ${heading}\n\n${body}`).join('\n\n');

/** The text of the passage a question is labelled with. */
export function passageOf(documentTitle: string, section: string): string {
  const body = evalDocuments
    .find((document) => document.title === documentTitle)
    ?.sections.find(([heading]) => heading === section)?.[1];
  if (body === undefined) throw new Error(`no passage ${documentTitle} / ${section}`);
  return body;
}
