import type { ContentScriptContext } from '#imports';
import { PaintedPhoneRegistry } from '../lib/dom/painted-phones';
import { PhoneLinkRegistry } from './linkify-phones/phone-link-registry';
import '../lib/i18n/page-strings';
import { mountDialToast } from './dial-on-click/mount-dial-toast';
import { createRuntimeChannel } from './background-channel';
import { DialController } from './dial-on-click/dial-controller';
import type { FeatureContext } from './feature-context';
import { featuresForFrame } from './feature-registry';
import { PageChannel } from './page-channel';
import './page-features';
import { loadSettingsSource } from './settings-source';
import { ShownCalls } from './shown-calls';

/**
 * Builds what the features share and starts, in order, each one that runs in this frame:
 * the tab's top frame, or a panel the cabinet embeds in it.
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
  for (const feature of featuresForFrame(window.top === window)) {
    if (signal.aborted) return;
    try {
      await feature.init(context);
    } catch (error) {
      console.error(`Courier Telephony: page feature "${feature.id}" failed to start`, error);
    }
  }
}
