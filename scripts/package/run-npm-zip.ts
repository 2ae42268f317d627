import { spawn } from 'node:child_process';
import { PackageError } from './package-error';

/** `npm run zip` (WXT's store zips for Chromium and Firefox), its output shown as it comes. */
export function runNpmZip(root: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'zip'], { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new PackageError(`npm run zip failed with exit code ${code}.`)),
    );
  });
}
