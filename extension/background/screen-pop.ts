import type { CallView, Identity } from '../../shared/protocol';
import type { ScreenPopMode } from '../lib/settings';
import { webUrl } from '../lib/web-url';

export interface ScreenPopDeps {
  mode: () => ScreenPopMode;
  /** Brings the page to the front: the tab already showing it, or a new one. */
  show: (url: string) => Promise<void>;
}

/** Calls remembered as popped; a call is never popped twice. */
const REMEMBERED_CALLS = 200;

/** The page that pops for a caller: their order, else their client, else the courier. */
export function screenPopUrl(identity: Identity): string | undefined {
  const candidates = [
    ...identity.deliveries.map((delivery) => delivery.url),
    ...identity.clients.map((client) => client.url),
    ...identity.couriers.map((courier) => courier.url),
  ];
  return candidates.map(webUrl).find((url) => url !== undefined);
}

/**
 * Opens the caller's cabinet page by itself, once per call: when the operator's phone
 * rings (`ring`) or when the operator answers it (`answer`). Only incoming calls from
 * outside, once the caller is looked up; a call answered on another phone never pops, and
 * with `answer` only the operator's own answer does.
 */
export class ScreenPop {
  readonly #popped = new Set<string>();

  constructor(private readonly deps: ScreenPopDeps) {}

  observe(call: CallView): void {
    const mode = this.deps.mode();
    if (mode === 'off' || call.direction !== 'in' || call.origin !== 'pbx') return;
    if (this.#popped.has(call.callId) || call.lookup !== 'done') return;
    const due = call.state === 'answered' || (mode === 'ring' && call.state === 'ringing');
    if (!due) return;
    const url = screenPopUrl(call.identity);
    if (url === undefined) return;
    this.#popped.add(call.callId);
    if (this.#popped.size > REMEMBERED_CALLS) {
      this.#popped.delete(this.#popped.values().next().value as string);
    }
    void this.deps
      .show(url)
      .catch((error: unknown) =>
        console.error('[background] the caller page could not be opened', error),
      );
  }
}
