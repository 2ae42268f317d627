import { defineBackground } from '#imports';
import { startBackground } from '../../background/start-background';

export default defineBackground(() => {
  // The worker lives until the browser stops it, so nothing ever aborts this.
  startBackground(new AbortController().signal);
});
