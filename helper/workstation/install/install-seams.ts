import type { ProcessAlive } from '../../core/pid-lock';
import type { CommandRunner } from './command-runner';
import type { KillProcess } from './stop-running-helper';

/** Everything install and uninstall take from the machine; the real one when left out. */
export interface InstallSeams {
  platform?: NodeJS.Platform;
  home?: string;
  uid?: number;
  run?: CommandRunner;
  /** The executable the session starts; the running single-file executable by default. */
  executable?: string;
  /** The example configuration text; the one bundled with the helper by default. */
  exampleConfig?: string;
  alive?: ProcessAlive;
  kill?: KillProcess;
}
