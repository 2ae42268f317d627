export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/** Replaces `{{NAME}}` placeholders; every placeholder must have a value. */
export function renderTemplate(
  text: string,
  values: Readonly<Record<string, string | number>>,
  source: string,
): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new TemplateError(
        `${source} uses {{${name}}}, which has no value; add it to the values`,
      );
    }
    return String(value);
  });
}
