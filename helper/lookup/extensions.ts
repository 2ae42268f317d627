const EXTENSION = /^\d{2,6}$/;

/**
 * Internal numbers from `users.extPhone`, written comma-separated (`101,102`);
 * anything that is not an extension is left out rather than dialled.
 */
export function splitExtensions(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const parts = String(value)
    .split(/[,;\s]+/)
    .map((part) => part.trim())
    .filter((part) => EXTENSION.test(part));
  return [...new Set(parts)];
}
