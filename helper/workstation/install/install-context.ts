import type { Environment } from '../../core/cli-io';
import type { CommandRunner } from './command-runner';

/** What install and uninstall read from the machine, injectable as a whole in tests. */
export interface InstallContext {
  platform: NodeJS.Platform;
  env: Environment;
  home: string;
  /** The user's numeric id (macOS `launchctl` domains are per user). */
  uid: number;
  run: CommandRunner;
}
