import { programName, type TextOutput } from '../../core/cli-io';
import { tr } from '../../core/cli-text';
import { findRunningHelper, type RunningHelper } from '../ws/running-helper';
import { PairingStore, type PairingCode } from './pairing-store';
import './russian';

function minutes(ms: number): number {
  return Math.max(1, Math.round(ms / 60_000));
}

function clock(epochMs: number): string {
  const at = new Date(epochMs);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** What `pair` prints with the code, in the command-line language. */
export function formatPairingInstructions(pairing: PairingCode): string {
  const { code, expiresAt, ttlMs } = pairing;
  const program = programName();
  return [
    '',
    `    ${tr`Pairing code:`}   ${code}`,
    '',
    `  ${tr`Open the Courier Telephony extension options → Pairing and enter the code ${code}`}`,
    `  ${tr`within ${minutes(ttlMs)} min (until ${clock(expiresAt)}). The code works once; running "${program} pair" again replaces it.`}`,
    '',
  ].join('\n');
}

/** No helper can redeem a code: said before one is made, with what to do instead. */
export class NoRunningHelperError extends Error {
  override readonly name = 'NoRunningHelperError';
}

function refusal(found: RunningHelper, port: number): NoRunningHelperError | undefined {
  const program = programName();
  if (found.pid === undefined) {
    return new NoRunningHelperError(
      tr`No helper is running with this configuration, so no browser could use a code. Start it with "${program} run" (or log in again if it was installed to start with the session), then run "${program} pair" again.`,
    );
  }
  if (found.port !== 'helper') {
    return new NoRunningHelperError(
      tr`The helper runs (PID ${found.pid}) but does not answer on 127.0.0.1:${port}: websocket.port was changed after it started, or another program holds the port. Restart the helper, then run "${program} pair" again.`,
    );
  }
  return undefined;
}

export interface PairCommandOptions {
  stateDir: string;
  /** The WebSocket port of the configuration, where the running helper must answer. */
  port: number;
  out: TextOutput;
  ttlMs?: number;
}

/**
 * `pair`: makes sure the helper of this configuration runs and answers on its port, then
 * creates a code in the pairing file that helper reads and says what to do with it.
 */
export async function runPairCommand(options: PairCommandOptions): Promise<PairingCode> {
  const refused = refusal(await findRunningHelper(options.stateDir, options.port), options.port);
  if (refused) throw refused;
  const store = new PairingStore({ stateDir: options.stateDir });
  const pairing = await store.createPairingCode(
    options.ttlMs === undefined ? {} : { ttlMs: options.ttlMs },
  );
  options.out.write(`${formatPairingInstructions(pairing)}\n`);
  return pairing;
}
