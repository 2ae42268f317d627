import { mountCallCards } from './mount-call-cards';
import { defineFeature } from '../feature-registry';
import { IncomingCalls } from './incoming-calls';
import { createRingTone } from './ring-tone';

/** Incoming-call cards from the helper, while `settings.cards` is on. */
export default defineFeature({
  id: 'incoming-card',
  frames: 'top',
  init({ ctx, channel, settings, dialer, signal, document, shownCalls }) {
    const calls = new IncomingCalls({
      channel,
      settings,
      dialer,
      signal,
      mountView: (actions) => mountCallCards(ctx, actions),
      ring: createRingTone(signal),
      openUrl: (url) => void document.defaultView?.open(url, '_blank', 'noopener,noreferrer'),
    });
    shownCalls.provide(() => calls.store.list());
  },
});
