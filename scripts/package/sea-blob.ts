import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTool } from './run-tool';

export interface SeaBlobOptions {
  /** A node binary of exactly the version the blob is injected into. */
  builderNode: string;
  /** The folder holding the bundle; the blob and its configuration are written there too. */
  workDir: string;
  /** File names inside workDir: stack traces name the bundle by this name alone. */
  bundle: string;
  blob: string;
  configFile: string;
  /**
   * V8's code cache makes start-up faster but is tied to the platform that made it, so it
   * is used for the Linux target only.
   */
  codeCache: boolean;
}

/** Makes the single-executable preparation blob with `node --experimental-sea-config`. */
export async function makeSeaBlob(options: SeaBlobOptions): Promise<void> {
  writeFileSync(
    join(options.workDir, options.configFile),
    JSON.stringify(
      {
        main: options.bundle,
        output: options.blob,
        disableExperimentalSEAWarning: true,
        useCodeCache: options.codeCache,
        useSnapshot: false,
      },
      null,
      2,
    ),
  );
  await runTool(options.builderNode, ['--experimental-sea-config', options.configFile], {
    cwd: options.workDir,
  });
}
