import type { CallView } from '../../shared/protocol';

/**
 * The calls whose cards this tab shows as not ended, as the card feature sees them. The tab
 * tells a new worker of them with its `tab-ready`: the browser may have stopped the previous
 * worker with their updates, and the new one asks the helper how they stand.
 */
export class ShownCalls {
  #source: () => readonly CallView[] = () => [];

  /** The card feature says where its cards are. */
  provide(source: () => readonly CallView[]): void {
    this.#source = source;
  }

  unfinished(): CallView[] {
    return this.#source().filter((call) => call.state !== 'ended');
  }
}
