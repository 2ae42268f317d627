import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { managedSchemaDocument } from './extension/lib/managed-schema';

/** Chromium's `storage.managed_schema`; see `extension/lib/managed-schema.ts`. */
const MANAGED_SCHEMA_FILE = 'managed_schema.json';

/**
 * Public half of the development/test signing key. It pins the Chromium
 * extension id to `efimpjfpbnikmcgaaljbfonliffkmhhl` in unpacked builds, so the
 * helper's default origin allow-list can name it. Store builds are re-keyed by
 * the store and must be added to the helper's `websocket.allowedOrigins`; store zips
 * (`CT_STORE_BUILD=1`, set by `npm run zip`) leave the key out, as the stores require.
 */
const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAlMHJBUCIXYunID4jvvOgYJ6ULP2QlwsmdBJWxCo3OEbOKXpkqMdZA2yZ50BnxxoCJNAmirij6gHEkjRfcnTasd5Xo3buNxX7P/zsj92Ia5ruHKoSoap4GXN/6Z/dN0bYC5W1SvoyvxIFlBBOFc2lneUAYYTWkkbtPySZq6sd/vKS8onnfT8DP2Yzu27+fYAvc9MbstBGC/I2pP7eMsQ1bWkrYEoZ0wkadsJnghkl/CprdOIqIOPi8CLK/8WQvQNApJ/2/8QF/zmVk2XkHKpkBc0OKlFum2QpleYSbj6ubvPpgsAcdIApXjipEVHbuaVj2ns19zo46tNbTaLTSL3NuwIDAQAB';

export default defineConfig({
  srcDir: 'extension',
  // WXT 0.21 looks for public/ at the project root; the locales live with the extension.
  publicDir: 'extension/public',
  outDir: '.output',
  modulesDir: 'extension/modules',
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The schema file is written from the typed schema the extension itself validates with.
    'build:publicAssets': (_wxt, assets) => {
      assets.push({
        relativeDest: MANAGED_SCHEMA_FILE,
        contents: `${JSON.stringify(managedSchemaDocument(), null, 2)}\n`,
      });
    },
  },
  zip: { excludeSources: ['dist/**', 'artifacts/**', 'coverage/**', '.output/**'] },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'notifications', 'alarms', 'scripting', 'activeTab'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // What IT sets through browser policy (ExtensionSettings / 3rdparty). Firefox reads
    // managed storage from policies.json without a schema and warns about the key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: MANAGED_SCHEMA_FILE } }),
    commands: {
      // Keep in step with DIAL_COMMAND in extension/background/dial-command.ts.
      'dial-number-at-caret': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandDialAtCaret__',
      },
    },
    // The Highlight API that paints numbers: Chrome and Edge 105; Firefox 140, an ESR.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '105' }),
    // Firefox MV2 knows host permissions only as optional permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['http://*/*', 'https://*/*'] } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'courier-telephony@courier.example', strict_min_version: '140.0' },
          },
        }
      : process.env.CT_STORE_BUILD
        ? {}
        : { key: DEV_PUBLIC_KEY }),
  }),
});
