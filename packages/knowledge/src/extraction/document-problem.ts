/** Why a document was refused; each maps to one error code and status of the API. */
export type DocumentProblemCode =
  | 'empty_document'
  | 'document_too_large'
  | 'unsupported_document'
  | 'unparseable_document';

/** A refused document, as a value: the route turns it into the contract's error shape. */
export class DocumentProblem extends Error {
  constructor(
    readonly code: DocumentProblemCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DocumentProblem';
  }
}

/** Stated limits of one document (API docs and the error messages say the same). */
export const documentLimits = {
  /** An uploaded or fetched file, in bytes: 5 MiB. */
  fileBytes: 5 * 1024 * 1024,
  /** Text after extraction, in characters (the same as a JSON text document). */
  textCharacters: 1_000_000,
} as const;
