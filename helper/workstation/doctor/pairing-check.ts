import { tr } from '../../core/cli-text';
import { PairingStore } from '../pairing/pairing-store';
import { fail, ok } from './check-result';
import type { CheckResult } from './check-result';
import './russian';

export const PAIRING_CHECK = (): string => tr`browser pairing`;

/**
 * How browsers pair with this seat and how many have: what IT checking a seat from the
 * office wants to know (is the policy's managed pairing on, did the operator's browser
 * pair). Reads the pairing file only; no token or secret is printed.
 */
export async function checkPairing(stateDir: string, managedSecret: string): Promise<CheckResult> {
  const name = PAIRING_CHECK();
  let paired;
  try {
    paired = await new PairingStore({ stateDir }).list();
  } catch (error) {
    return fail(
      name,
      tr`cannot read the paired browsers in ${stateDir} (${(error as Error).message})`,
      tr`make the state folder readable by the user the helper runs as, or pair again with courier-helper pair`,
    );
  }
  const byPolicy = paired.filter((client) => client.via === 'policy').length;
  if (managedSecret !== '') {
    return ok(
      name,
      tr`managed pairing is on: a browser whose policy carries this websocket.pairingSecret pairs without a code; ${paired.length} paired, ${byPolicy} of them by the policy`,
    );
  }
  // Not paired yet is where every seat starts (IT runs doctor before the operator pairs):
  // said with what to do, not counted as a problem.
  if (paired.length === 0) {
    return ok(
      name,
      tr`no browser paired yet: run courier-helper pair on this computer and type the code in the extension's options (or set websocket.pairingSecret to pair managed browsers without a code)`,
    );
  }
  return ok(
    name,
    tr`${paired.length} browser(s) paired with a code; managed pairing is off (websocket.pairingSecret is not set)`,
  );
}
