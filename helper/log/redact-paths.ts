const SENSITIVE = ['secret', 'Secret', 'password', 'Password', 'token', 'pairingCode'];

/**
 * Object paths pino blanks out: sensitive names at the top level and up to two
 * levels down (`config.pbx.secret`, AMI `Secret` headers). A bare `code` is
 * redacted only at the top level, where it means a pairing code; nested codes
 * are error codes and client codes that logs need.
 */
export const REDACT_PATHS: readonly string[] = [
  'code',
  'pairing.code',
  ...SENSITIVE.flatMap((name) => [name, `*.${name}`, `*.*.${name}`]),
];
