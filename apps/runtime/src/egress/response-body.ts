import { EgressError } from './egress-error.ts';

function tooLarge(origin: string, maxBytes: number): EgressError {
  return new EgressError(
    'response_too_large',
    `The response from ${origin} is larger than the ${maxBytes}-byte limit; it was not read further.`,
  );
}

/** Fails early when the server announces a body over the limit. */
export function checkDeclaredLength(response: Response, maxBytes: number, origin: string): void {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!Number.isFinite(declared) || declared <= maxBytes) return;
  response.body?.cancel().catch(() => undefined);
  throw tooLarge(origin, maxBytes);
}

/** Wraps a body so that reading more than `maxBytes` errors the stream (and cancels the source). */
export function limitBody(
  body: ReadableStream<Uint8Array>,
  options: {
    readonly maxBytes: number;
    readonly origin: string;
    readonly failure: (error: unknown) => unknown;
    readonly done: () => void;
  },
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let total = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          options.done();
          controller.close();
          return;
        }
        total += value.byteLength;
        if (total > options.maxBytes) {
          options.done();
          await reader.cancel().catch(() => undefined);
          controller.error(tooLarge(options.origin, options.maxBytes));
          return;
        }
        controller.enqueue(value);
      } catch (error) {
        controller.error(options.failure(error));
        options.done();
      }
    },
    async cancel(reason) {
      options.done();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}

function decoderFor(contentType: string | null): TextDecoder {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8');
  } catch {
    // An encoding the platform does not know (Workers know few): UTF-8 is the best guess.
    return new TextDecoder('utf-8');
  }
}

/** Reads a body as text, counting bytes as they arrive and stopping past `maxBytes`. */
export async function readLimitedText(response: Response, maxBytes: number, origin: string): Promise<string> {
  checkDeclaredLength(response, maxBytes, origin);
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = decoderFor(response.headers.get('content-type'));
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(origin, maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}
