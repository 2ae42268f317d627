import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MissingDependencyError } from '../services/missing-dependency-error';
import { requireBinary } from '../services/require-binary';

/** Where Debian's Chromium reads its configuration, policy included (`policies/managed`). */
const CHROMIUM_ETC = '/etc/chromium';
const CHROMIUM = '/usr/bin/chromium';

/** A Chromium policy document, as IT writes it into `/etc/chromium/policies/managed/`. */
export type ChromiumPolicy = Record<string, unknown>;

export interface PolicyLauncher {
  /** Starts Chromium with the policy in force; give it to Playwright as `executablePath`. */
  executablePath: string;
  /** Removes the launcher and the policy; nothing of them is left on the machine. */
  dispose(): Promise<void>;
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * Runs Chromium with a machine policy that only that Chromium sees. Chromium on Linux reads
 * policy from a fixed folder, `/etc/chromium/policies/managed`; writing there would apply to
 * every Chromium on the machine, including other test runs. Instead the launcher starts
 * Chromium in its own mount namespace (`unshare`), where a private copy of `/etc/chromium`
 * holding the policy is bind-mounted over the real one: the real folder never changes, the
 * mount ends with the browser, and the browser reads the policy exactly as IT's file would
 * be read — the real policy loader, `3rdparty` extension policy and managed storage
 * included. As root a plain mount namespace does; otherwise a user namespace maps the user
 * to root inside it, which needs unprivileged user namespaces.
 */
export async function chromiumWithPolicy(policy: ChromiumPolicy): Promise<PolicyLauncher> {
  const unshare = requireBinary('unshare', 'util-linux');
  if (!existsSync(CHROMIUM_ETC)) {
    throw new MissingDependencyError(
      `${CHROMIUM_ETC} (shipped by the Debian package \`chromium\`)`,
      'Install Chromium with `bash scripts/setup-test-services.sh`.',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'ct-chromium-policy-'));
  try {
    const etc = join(dir, 'etc');
    await cp(CHROMIUM_ETC, etc, { recursive: true });
    await mkdir(join(etc, 'policies', 'managed'), { recursive: true });
    await writeFile(
      join(etc, 'policies', 'managed', 'courier-telephony.json'),
      JSON.stringify(policy),
    );
    const userNamespace = process.getuid?.() === 0 ? '' : ' --map-root-user';
    const launcher = join(dir, 'chromium');
    await writeFile(
      launcher,
      [
        '#!/bin/sh',
        // Playwright talks to Chromium over inherited descriptors 3 and 4; exec keeps them.
        `exec ${shellQuote(unshare)}${userNamespace} --mount --propagation private sh -c 'mount --bind "$0" ${CHROMIUM_ETC} && exec ${CHROMIUM} "$@"' ${shellQuote(etc)} "$@"`,
        '',
      ].join('\n'),
    );
    await chmod(launcher, 0o700);
    return {
      executablePath: launcher,
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
