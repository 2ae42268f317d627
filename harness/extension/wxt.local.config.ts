import { defineConfig, type UserManifest, type UserManifestFn } from 'wxt';
import base from '../../wxt.config';

/**
 * The project's build with one addition for the demo and the end-to-end tests: access to
 * `http://127.0.0.1/*` (the demo cabinet) is granted at install, so neither waits on a
 * permission prompt a headless browser cannot show. Enabling a site through the options
 * still runs `permissions.request` (answered at once for a granted origin), stores the site
 * and registers the content script, exactly as for users. In Firefox the options page is
 * web-accessible, so a test tab can open it. Store builds never carry either.
 *
 * Each local build gets its own folder, named by `CT_LOCAL_BUILD` (`demo` or `e2e`), so
 * the demo, the tests and a regular build never overwrite one another.
 */
export const LOCAL_HOST_PERMISSION = 'http://127.0.0.1/*';

const build = process.env.CT_LOCAL_BUILD === 'demo' ? 'demo' : 'e2e';
const baseManifest = base.manifest;

const manifest: UserManifestFn = async (env) => {
  const resolved: UserManifest =
    typeof baseManifest === 'function' ? await baseManifest(env) : { ...(await baseManifest) };
  return {
    ...resolved,
    host_permissions: [...(resolved.host_permissions ?? []), LOCAL_HOST_PERMISSION],
    // WebDriver BiDi may not open an add-on's page itself; a page of the test may, if the
    // add-on lets it (Firefox only: Chromium's tests open extension pages directly).
    ...(env.browser === 'firefox' ? { web_accessible_resources: ['options.html'] } : {}),
  };
};

export default defineConfig({
  ...base,
  outDirTemplate: `${build}-{{browser}}-mv{{manifestVersion}}`,
  manifest,
});
