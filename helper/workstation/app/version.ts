/** Replaced at bundle time for the packaged executable; read from package.json in development. */
declare const __HELPER_VERSION__: string | undefined;

export const HELPER_VERSION: string =
  typeof __HELPER_VERSION__ === 'string'
    ? __HELPER_VERSION__
    : (process.env.npm_package_version ?? '0.1.0');
