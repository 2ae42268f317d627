/** Sets a field's value as typing would, then lets Preact re-render. */
export async function typeInto(
  input: HTMLInputElement | HTMLSelectElement,
  value: string,
): Promise<void> {
  input.value = value;
  input.dispatchEvent(
    new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
  );
  await rendered();
}

/** Waits for Preact's deferred re-render. */
export function rendered(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function submit(form: HTMLFormElement | null | undefined): void {
  if (!form) throw new Error('form not found');
  form.dispatchEvent(new Event('submit', { cancelable: true }));
}

export function buttonByText(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((button) => button.textContent === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}
