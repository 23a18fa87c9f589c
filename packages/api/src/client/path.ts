/**
 * Builds a path whose parameters are percent-encoded, refusing values that would make it point
 * elsewhere once the URL is normalised (`''`, `.`, `..`).
 * @example path`/api/apps/${appId}/keys/${keyId}`
 */
export function path(strings: TemplateStringsArray, ...parameters: string[]): string {
  let result = strings[0] ?? '';
  parameters.forEach((parameter, index) => {
    if (parameter === '' || parameter === '.' || parameter === '..') {
      throw new TypeError(`A path parameter may not be ${JSON.stringify(parameter)}.`);
    }
    result += encodeURIComponent(parameter) + (strings[index + 1] ?? '');
  });
  return result;
}
