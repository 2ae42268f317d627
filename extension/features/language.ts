import { followLanguageSetting } from '../lib/i18n/language';
import { defineFeature } from './feature-registry';

/** The page UI speaks the language chosen in settings, or the browser's; applied before other features render. */
export default defineFeature({
  id: 'language',
  frames: 'every',
  init: ({ signal }) => followLanguageSetting(signal),
});
