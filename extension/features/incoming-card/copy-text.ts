/**
 * Copies with the async Clipboard API, falling back to a selected field and
 * `execCommand('copy')` inside our own shadow root where the page forbids it.
 */
export async function copyText(text: string, scratch: ShadowRoot): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.setProperty('position', 'fixed');
    field.style.setProperty('opacity', '0');
    scratch.append(field);
    field.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      field.remove();
    }
  }
}
