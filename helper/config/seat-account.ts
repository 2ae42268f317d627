import type { Finding, Rule } from './field-rules';
import { accountName } from './field-rules';
import type { ConfigProblem } from './types';
import { tr } from '../core/cli-text';
import './russian';

/**
 * Where `pbx.user` takes the seat's extension, written as `originate.channel` writes it: one
 * office file names every seat's own AMI account (`courier-{ext}` → `courier-102`).
 */
const EXTENSION_PLACEHOLDER = '{ext}';

/** How `manager-conf --seats` names the seats' accounts unless `pbx.user` or `--user` says otherwise. */
export const DEFAULT_ACCOUNT_TEMPLATE = `courier-${EXTENSION_PLACEHOLDER}`;

/** `{…}` and stray braces: what a template may hold is `{ext}` only. */
const BRACES = /\{[^{}]*\}|[{}]/g;

/** Whether `pbx.user` is a template resolved per seat rather than one account's name. */
export function isAccountTemplate(user: string): boolean {
  return user.includes(EXTENSION_PLACEHOLDER);
}

const templateFix = (key: string): string =>
  tr`write ${EXTENSION_PLACEHOLDER} where the seat's extension goes, e.g. ${key} = "courier-${EXTENSION_PLACEHOLDER}", or the account's fixed name`;

/** `pbx.user`: an account name, or a template whose only placeholder is `{ext}`. */
export const pbxUser: Rule<string> = (value, key): Finding | undefined => {
  const unknown = [...value.matchAll(BRACES)]
    .map(([found]) => found)
    .filter((found) => found !== EXTENSION_PLACEHOLDER);
  if (unknown.length > 0) {
    return {
      message: tr`has ${[...new Set(unknown)].join(', ')}, which is no placeholder ${key} knows (it knows ${EXTENSION_PLACEHOLDER})`,
      fix: templateFix(key),
    };
  }
  return accountName(value, key);
};

/**
 * The seat's own AMI account: `pbx.user` with `{ext}` replaced by the seat's one extension.
 * A fixed name is returned as it is; a template needs exactly one extension to name an
 * account by, so a seat with several or none gets a problem saying what to set instead.
 */
export function seatAccountName(
  user: string,
  extensions: readonly string[],
): { user: string } | { problem: ConfigProblem } {
  if (!isAccountTemplate(user)) return { user };
  const [extension, ...more] = extensions;
  if (extension !== undefined && more.length === 0) {
    return { user: user.replaceAll(EXTENSION_PLACEHOLDER, extension) };
  }
  return {
    problem: {
      key: 'pbx.user',
      message:
        extension === undefined
          ? tr`uses ${EXTENSION_PLACEHOLDER}, but this seat has no extension to put there`
          : tr`uses ${EXTENSION_PLACEHOLDER}, but this seat has ${extensions.length} extensions (${extensions.join(',')}) and one account serves one seat`,
      fix:
        extension === undefined
          ? tr`give the seat its extension (operator.user with users.extPhone in the cabinet, or operator.extensions), or set pbx.user (or COURIER_PBX_USER) to the account's name`
          : tr`set pbx.user for this seat to its account's name, e.g. COURIER_PBX_USER=${user.replaceAll(EXTENSION_PLACEHOLDER, extension)} in its environment, or leave one extension in users.extPhone or operator.extensions`,
    },
  };
}
