const MAX_URL_LENGTH = 2048;

/** A cabinet link from a `[links]` template, or undefined when there is no template. */
export function buildLink(template: string, code: string): string | undefined {
  if (template === '') return undefined;
  const url = template.replaceAll('{code}', encodeURIComponent(code));
  return url.length <= MAX_URL_LENGTH ? url : undefined;
}
