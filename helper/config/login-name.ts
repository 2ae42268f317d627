import { userInfo } from 'node:os';
import type { Environment } from '../core/cli-io';
import type { ConfigProblem } from './types';
import { tr } from '../core/cli-text';
import './russian';

/** Where `operator.user` takes the name the operator signed in to the computer with. */
export const LOGIN_PLACEHOLDER = '{login}';

/**
 * The name the operator signed in to the computer with: `USERNAME` on Windows (without the
 * domain, as Windows sets it), the account's name elsewhere. Empty when it cannot be told.
 */
export function osLoginName(
  env: Environment,
  platform: NodeJS.Platform = process.platform,
  accountName: () => string = () => userInfo().username,
): string {
  if (platform === 'win32') return env['USERNAME'] ?? '';
  try {
    return accountName();
  } catch {
    // No passwd entry (a container's arbitrary uid): the shell's variables may still say.
    return env['USER'] ?? env['LOGNAME'] ?? '';
  }
}

/**
 * `operator.user` with `{login}` replaced by the computer's login name, so one file serves
 * every seat whose cabinet login is (or contains) the Windows/OS login name.
 */
export function withLoginName(
  user: string,
  login: string,
): { user: string } | { problem: ConfigProblem } {
  if (!user.includes(LOGIN_PLACEHOLDER)) return { user };
  const filled = user.replaceAll(LOGIN_PLACEHOLDER, login);
  if (login === '' || /[\s\p{Cc}]/u.test(login) || filled.length > 32) {
    return {
      problem: {
        key: 'operator.user',
        message:
          login === ''
            ? tr`uses ${LOGIN_PLACEHOLDER}, but this computer's login name cannot be told`
            : tr`uses ${LOGIN_PLACEHOLDER}, but this computer's login name "${login}" cannot be a cabinet login`,
        fix: tr`set COURIER_OPERATOR_USER to the operator's cabinet login on this seat, or operator.extensions`,
      },
    };
  }
  return { user: filled };
}
