/** A document of the evaluation set: Markdown sections (heading, body). */
export interface EvalDocument {
  readonly title: string;
  readonly sections: readonly (readonly [heading: string, body: string])[];
}

/** A question labelled with the passage that answers it: a document title and a section heading. */
export interface EvalQuestion {
  readonly question: string;
  readonly language: 'zh' | 'en';
  readonly document: string;
  readonly section: string;
}
