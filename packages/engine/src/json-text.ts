export type JsonTextResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

function tryParse(text: string): JsonTextResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const fence = /```(?:json)?\s*([\s\S]*?)```/i;

/**
 * Reads the JSON object out of a model's reply: plain JSON, a fenced ```json block, or the outermost
 * braces inside prose (models add chatter even when asked not to).
 */
export function parseJsonText(text: string): JsonTextResult {
  const trimmed = text.trim();
  const direct = tryParse(trimmed);
  if (direct.ok) return direct;
  const fenced = fence.exec(trimmed)?.[1];
  if (fenced !== undefined) {
    const parsed = tryParse(fenced.trim());
    if (parsed.ok) return parsed;
  }
  const open = trimmed.indexOf('{');
  const close = trimmed.lastIndexOf('}');
  return open !== -1 && close > open ? tryParse(trimmed.slice(open, close + 1)) : { ok: false };
}
