import { defineConfig, type UserManifest, type UserManifestFn } from 'wxt';
import base from '../../wxt.config';

/**
 * The demo's build of the extension: the regular one plus access to the local
 * demo cabinet page (`http://127.0.0.1/*`) granted at install, so the demo runs
 * without a permission prompt. Built into its own folder; store builds never
 * carry this permission.
 */
export const DEMO_OUT_DIR_TEMPLATE = 'demo-{{browser}}-mv{{manifestVersion}}';
export const DEMO_HOST_PERMISSION = 'http://127.0.0.1/*';

const baseManifest = base.manifest;

const manifest: UserManifestFn = async (env) => {
  const resolved: UserManifest =
    typeof baseManifest === 'function' ? await baseManifest(env) : { ...(await baseManifest) };
  return {
    ...resolved,
    host_permissions: [...(resolved.host_permissions ?? []), DEMO_HOST_PERMISSION],
  };
};

export default defineConfig({ ...base, outDirTemplate: DEMO_OUT_DIR_TEMPLATE, manifest });
