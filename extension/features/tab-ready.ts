import { defineFeature } from './feature-registry';
import { readTabReadyReply } from './incoming-card/tab-ready-reply';
import { keepWorkerLinked } from './worker-link';

/**
 * Tells the background this tab is ready (with the calls its cards show) and replays the
 * calls and connection state it answers with; again whenever the browser stopped the
 * worker and the tab's link started it anew. Per tab, so in its top frame only.
 */
export default defineFeature({
  id: 'tab-ready',
  frames: 'top',
  async init({ channel, shownCalls, signal }) {
    const announce = async (): Promise<void> => {
      const shown = shownCalls.unfinished();
      const reply = readTabReadyReply(
        await channel.send({ kind: 'tab-ready', shown }).catch(() => null),
      );
      if (signal.aborted) return;
      if (reply.connection) channel.deliver({ kind: 'connection', connection: reply.connection });
      for (const call of reply.calls) channel.deliver({ kind: 'call', call });
    };
    await announce();
    if (signal.aborted) return;
    keepWorkerLinked(() => void announce(), signal);
  },
});
