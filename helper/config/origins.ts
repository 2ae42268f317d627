/*
 * The extension origins the helper's WebSocket may admit, in one place: which entries
 * `websocket.allowedOrigins` accepts, their one spelling, and the list used when the key is
 * not set.
 */

/** The unpacked development/test build; its id is pinned by the manifest key in wxt.config.ts. */
export const DEV_CHROMIUM_ORIGIN = 'chrome-extension://efimpjfpbnikmcgaaljbfonliffkmhhl';

/** Every Firefox extension: each installation gets its own random UUID. */
export const ANY_FIREFOX_ORIGIN = 'moz-extension://*';

/**
 * The store listings of the extension for Chromium browsers (Chrome Web Store, which Yandex
 * Browser installs from too, and Microsoft Edge Add-ons). A store gives a listing its id at
 * the first upload; an id entered here is admitted by every build without configuration.
 * None is entered while the extension is not listed: then IT names the store id in
 * `websocket.allowedOrigins`, and `doctor` fails until something is admitted.
 */
export const STORE_CHROMIUM_ORIGINS: readonly string[] = [];

/** Replaced with `true` when the executable is packaged; absent when run from the sources. */
declare const __RELEASE_BUILD__: boolean | undefined;

/** Whether this is the packaged helper, as opposed to the sources run for development and tests. */
export const RELEASE_BUILD: boolean = typeof __RELEASE_BUILD__ === 'boolean' && __RELEASE_BUILD__;

/**
 * `websocket.allowedOrigins` when the configuration does not set it. A release admits the
 * store listings only: the development id belongs to a key anyone can read in the sources,
 * and `moz-extension://*` to every Firefox extension, so both must be chosen by IT. Run from
 * the sources (development, tests, the demo) the unpacked build and Firefox are admitted too.
 */
export function defaultAllowedOrigins(release: boolean = RELEASE_BUILD): string[] {
  return release
    ? [...STORE_CHROMIUM_ORIGINS]
    : [DEV_CHROMIUM_ORIGIN, ANY_FIREFOX_ORIGIN, ...STORE_CHROMIUM_ORIGINS];
}

const CHROMIUM_ORIGIN = /^chrome-extension:\/\/[a-p]{32}$/;
const FIREFOX_ORIGIN =
  /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An allow-list entry in the one spelling browsers send (an Origin is lower case), or
 * undefined for an entry that names no extension: a Chromium id, a Firefox UUID, or
 * `moz-extension://*`. Entries typed in capitals are taken, not refused later.
 */
export function canonicalOrigin(entry: string): string | undefined {
  const lower = entry.trim().toLowerCase();
  return lower === ANY_FIREFOX_ORIGIN || CHROMIUM_ORIGIN.test(lower) || FIREFOX_ORIGIN.test(lower)
    ? lower
    : undefined;
}

/** Whether an Origin header is a Firefox extension's. */
export function isFirefoxOrigin(origin: string): boolean {
  return FIREFOX_ORIGIN.test(origin);
}

/** What is wrong with the origins a helper would admit, for `doctor` (fails) and `run` (warns). */
export interface AdmissionProblem {
  readonly message: string;
  readonly fix: string;
}

/**
 * Problems with the admitted origins that validation cannot call errors: nothing admitted
 * at all (a release whose stores are not entered, with no list configured), or a release
 * admitting the development id, whose key is in the public sources (any unpacked extension
 * can take that id).
 */
export function admissionProblems(
  allowed: readonly string[],
  release: boolean = RELEASE_BUILD,
): AdmissionProblem[] {
  const fix =
    'list the extension in websocket.allowedOrigins: "chrome-extension://<id from the store page or chrome://extensions>", "moz-extension://*" for Firefox';
  if (allowed.length === 0) {
    return [{ message: 'admits no extension, so none can connect', fix }];
  }
  if (release && allowed.some((entry) => canonicalOrigin(entry) === DEV_CHROMIUM_ORIGIN)) {
    return [
      {
        message: `admits the development build (${DEV_CHROMIUM_ORIGIN}), whose key is public: any unpacked extension can take its id`,
        fix: `remove "${DEV_CHROMIUM_ORIGIN}"; ${fix}`,
      },
    ];
  }
  return [];
}
