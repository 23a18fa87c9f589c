/** A JSON Schema document, as given to a model for tool parameters or structured output. */
export type JsonSchema = Readonly<Record<string, unknown>>;
