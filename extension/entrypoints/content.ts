import { defineContentScript } from '#imports';
import { startPageFeatures } from '../features/start-page-features';
// Emitted as content-scripts/content.css; the background registers it with the script.
import '../features/linkify-phones/paint.css';

/**
 * Registered at run time by the background for the sites the user enabled;
 * no `matches` here, so the build asks for no host permission of its own.
 * No `postMessage` to the page on start: the page has no business hearing
 * from us, and some pages misread foreign messages.
 */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main(ctx) {
    return startPageFeatures(ctx);
  },
});
