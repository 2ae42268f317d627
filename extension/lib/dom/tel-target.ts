/** `tel:+7%20916…;ext=12` → `+7 916…`: parameters after `;` are not part of the number. */
export function telTarget(href: string): string {
  const body = href.trim().slice(4).split(';')[0] ?? '';
  try {
    return decodeURIComponent(body);
  } catch {
    return body;
  }
}
