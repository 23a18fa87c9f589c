/** A parsed request, or why it was rejected, in the terms of an OpenAI 400 error. */
export type ParseResult<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly message: string; readonly param: string | null };

export function parsed<Value>(value: Value): ParseResult<Value> {
  return { ok: true, value };
}

export function rejected<Value>(message: string, param: string | null = null): ParseResult<Value> {
  return { ok: false, message, param };
}
