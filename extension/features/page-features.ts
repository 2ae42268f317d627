/**
 * Every page feature, in start order: language first, so the others render
 * their first strings in the right language; the tab made known to the
 * background last, once the features that hear its reply listen.
 */
import './language';
import './linkify-phones';
import './dial-on-click';
import './incoming-card';
import './frame-connection';
import './tab-ready';
