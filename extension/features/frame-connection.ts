import { isConnectionState } from '../lib/runtime-messages';
import { defineFeature } from './feature-registry';

/**
 * An embedded frame is not announced as a tab (see `tab-ready`), so it asks once how the
 * helper connection stands; the changes after that reach every frame. A dial refused for
 * want of a connection then says why: not paired, connecting or not running.
 */
export default defineFeature({
  id: 'frame-connection',
  frames: 'embedded',
  async init({ channel, signal }) {
    const connection = await channel.send({ kind: 'get-state' }).catch(() => null);
    if (signal.aborted || !isConnectionState(connection)) return;
    channel.deliver({ kind: 'connection', connection });
  },
});
