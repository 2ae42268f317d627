import type { ContentScriptContext } from '#imports';
import { PaintedPhoneRegistry } from '../lib/dom/painted-phones';
import { PhoneLinkRegistry } from './linkify-phones/phone-link-registry';
import '../lib/i18n/page-strings';
import { mountDialToast } from './dial-on-click/mount-dial-toast';
import { createRuntimeChannel } from './background-channel';
import { DialController } from './dial-on-click/dial-controller';
import type { FeatureContext } from './feature-context';
import { registeredFeatures } from './feature-registry';
import { readTabReadyReply } from './incoming-card/tab-ready-reply';
import { PageChannel } from './page-channel';
import './page-features';
import { keepWorkerLinked } from './worker-link';
import { loadSettingsSource } from './settings-source';
import { ShownCalls } from './shown-calls';

/**
 * Builds what the features share, starts each one, then tells the background
 * this tab is ready (with the calls its cards show) and replays the calls and connection
 * state it answers with; again whenever the browser stopped the worker and the tab's link
 * started it anew.
 */
export async function startPageFeatures(ctx: ContentScriptContext): Promise<void> {
  const { signal } = ctx;
  const settings = await loadSettingsSource(signal);
  if (signal.aborted) return;
  const channel = new PageChannel(createRuntimeChannel(), signal);
  const dialer = new DialController({ channel, view: () => mountDialToast(ctx), signal });
  channel.listen((message) => dialer.handle(message), signal);

  const context: FeatureContext = {
    ctx,
    signal,
    document,
    channel,
    settings,
    phoneLinks: new PhoneLinkRegistry(),
    paintedPhones: new PaintedPhoneRegistry(),
    dialer,
    shownCalls: new ShownCalls(),
  };
  for (const feature of registeredFeatures()) {
    try {
      await feature.init(context);
    } catch (error) {
      console.error(`Courier Telephony: page feature "${feature.id}" failed to start`, error);
    }
  }

  const announce = async (): Promise<void> => {
    const shown = context.shownCalls.unfinished();
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
}
