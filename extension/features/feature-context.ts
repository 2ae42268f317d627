import type { ContentScriptContext } from '#imports';
import type { PaintedPhoneRegistry } from '../lib/dom/painted-phones';
import type { PhoneLinkRegistry } from './linkify-phones/phone-link-registry';
import type { Dialer } from './dial-on-click/dial-controller';
import type { PageChannel } from './page-channel';
import type { SettingsSource } from './settings-source';
import type { ShownCalls } from './shown-calls';

/** What every page feature gets when it starts. */
export interface FeatureContext {
  /** WXT's context: shadow-root UIs are created and removed with it. */
  ctx: ContentScriptContext;
  /** Aborted when the content script is invalidated. */
  signal: AbortSignal;
  document: Document;
  /** To the background and back; `deliver` hands the features a message as if it came from there. */
  channel: PageChannel;
  settings: SettingsSource;
  /** Links that dial, shared by the linker and the click handler. */
  phoneLinks: PhoneLinkRegistry;
  /** Numbers painted over the page's text, shared by the painter, clicks, hover and keyboard. */
  paintedPhones: PaintedPhoneRegistry;
  /** Starts helper dials and shows their progress; one at a time. */
  dialer: Dialer;
  /** The calls the cards show, for a new background worker to hear of. */
  shownCalls: ShownCalls;
}
