/**
 * Upper bounds on what a caller may send, so a schema rejects a huge value before anything stores
 * or loops over it. The runtime still caps whole request bodies (413) since `unknown` values such as
 * run inputs are bounded only by that.
 */
export const limits = {
  /** Characters after an id's prefix. */
  idLength: 64,
  nameLength: 200,
  descriptionLength: 2_000,
  noteLength: 1_000,
  errorMessageLength: 2_000,
  /** Named run inputs per request, and the length of each name. */
  inputCount: 100,
  inputNameLength: 64,
  originCount: 50,
  originLength: 300,
  greetingLength: 2_000,
  placeholderLength: 200,
  suggestedQuestionCount: 10,
  suggestedQuestionLength: 300,
  allowedHostCount: 100,
  hostLength: 253,
  /** Characters of one knowledge document sent as JSON text (about 3 MB of UTF-8 at most). */
  documentTextLength: 1_000_000,
  urlLength: 2_048,
  queryLength: 4_000,
  /** Documents a knowledge query may be narrowed to. */
  queryDocumentCount: 50,
  topK: 50,
  secretValueLength: 16_384,
  cursorLength: 512,
  pageSize: 100,
  chatMessageCount: 1_000,
  chatMessageLength: 100_000,
  modelIdLength: 200,
  /** The largest daily token budget an app may set. */
  dailyTokenBudget: 1_000_000_000_000,
} as const;
