import type { HelperRuntime } from '../../harness/processes/helper-child';
import type { AmiAccess, DatabaseAccess } from '../../harness/processes/service-access';
import { startWorkstationProcess } from '../../harness/processes/workstation-process';

export interface HelperProcessOptions {
  readonly runtime: HelperRuntime;
  readonly ami: AmiAccess;
  readonly database: DatabaseAccess;
  /** `database.prefetch`; the helper's default (true) when absent. */
  readonly prefetch?: boolean;
  readonly extensions: readonly string[];
  /** Holds the configuration file, the helper's state (pairing) and its log. */
  readonly workDir: string;
  readonly startTimeoutMs?: number;
}

export interface HelperProcess {
  readonly pid: number;
  readonly wsPort: number;
  /** Where the helper keeps pairing state: a PairingStore here issues codes it accepts. */
  readonly stateDir: string;
  readonly logFile: string;
  /** SIGTERM (a clean shutdown), SIGKILL if it outlives the grace period. */
  stop(): Promise<void>;
}

/**
 * Extra node options for the helper, to profile it where it runs:
 * `CT_BENCH_HELPER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof"`.
 */
function nodeOptions(): string[] {
  return (process.env['CT_BENCH_HELPER_NODE_OPTIONS'] ?? '').split(/\s+/).filter(Boolean);
}

/**
 * The helper as the benchmarks run it: a child process with a configuration file as IT
 * writes it, resolved once it listens for the extension.
 */
export async function startHelperProcess(options: HelperProcessOptions): Promise<HelperProcess> {
  const helper = await startWorkstationProcess({ ...options, nodeOptions: nodeOptions() });
  return {
    pid: helper.pid,
    wsPort: helper.wsPort,
    stateDir: helper.stateDir,
    logFile: helper.logFile,
    stop: () => helper.dispose(),
  };
}
