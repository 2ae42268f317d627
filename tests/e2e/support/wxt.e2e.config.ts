import { defineConfig, type UserManifest, type UserManifestFn } from 'wxt';
import base from '../../../wxt.config';

/**
 * The project's build with two additions for headless tests: access to
 * `http://127.0.0.1/*` is granted at install, because a headless browser
 * cannot show the permission prompt. Enabling a site through the options
 * still runs `permissions.request` (answered at once for a granted origin),
 * stores the site and registers the content script, exactly as for users.
 * In Firefox the options page is web-accessible, so a test tab can open it.
 * Built into its own folder so it never overwrites a regular build.
 */
export const E2E_OUT_DIR_TEMPLATE = 'e2e-{{browser}}-mv{{manifestVersion}}';
export const E2E_HOST_PERMISSION = 'http://127.0.0.1/*';

const baseManifest = base.manifest;

const manifest: UserManifestFn = async (env) => {
  const resolved: UserManifest =
    typeof baseManifest === 'function' ? await baseManifest(env) : { ...(await baseManifest) };
  return {
    ...resolved,
    host_permissions: [...(resolved.host_permissions ?? []), E2E_HOST_PERMISSION],
    // WebDriver BiDi may not open an add-on's page itself; a page of the test may, if the
    // add-on lets it (Firefox only: Chromium's tests open extension pages directly).
    ...(env.browser === 'firefox' ? { web_accessible_resources: ['options.html'] } : {}),
  };
};

export default defineConfig({
  // WXT 0.21 looks for `public/` at the project root; the locales live in `extension/public`.
  publicDir: 'extension/public',
  ...base,
  outDirTemplate: E2E_OUT_DIR_TEMPLATE,
  manifest,
});
