/**
 * Every page feature, in start order: language first, so the others render
 * their first strings in the right language.
 */
import './language';
import './linkify-phones';
import './dial-on-click';
import './incoming-card';
