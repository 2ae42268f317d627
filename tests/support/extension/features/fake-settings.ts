import type { SettingsSource } from '../../../../extension/features/settings-source';
import { DEFAULT_SETTINGS, type Settings } from '../../../../extension/lib/settings';

/** Settings held in memory; `change` notifies watchers as storage would. */
export class FakeSettings implements SettingsSource {
  #value: Settings;
  readonly #listeners = new Set<(settings: Settings) => void>();

  constructor(overrides: Partial<Settings> = {}) {
    this.#value = { ...DEFAULT_SETTINGS, ...overrides };
  }

  current(): Settings {
    return this.#value;
  }

  watch(listener: (settings: Settings) => void, signal: AbortSignal): void {
    this.#listeners.add(listener);
    signal.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  change(overrides: Partial<Settings>): void {
    this.#value = { ...this.#value, ...overrides };
    for (const listener of this.#listeners) listener(this.#value);
  }
}
