import { AmiActionError, AmiPermissionError } from '../../ami/errors';
import type { TransferConfig } from '../../config/types';
import type { AmiSessionCheck, DoctorAmiSession } from './ami-session';
import { programName } from '../../core/cli-io';
import { tr } from '../../core/cli-text';
import { fail, NO_PROGRESS, ok } from './check-result';
import type { CheckResult } from './check-result';
import './russian';

type ContextKey = 'courierContext' | 'managerContext';

type Lookup = { found: true } | { found: false } | { denied: true } | { error: string };

const ACTION_TIMEOUT_MS = 5_000;

/** What the context is for, as the fix line says it. */
const PURPOSE: Record<ContextKey, () => string> = {
  courierContext: () => tr`a context whose outbound route dials the couriers' mobiles`,
  managerContext: () => tr`the context where the managers' extensions ring`,
};

export const transferCheckName = (key: ContextKey): string => tr`transfer.${key} exists`;

/** Asks the PBX for one context; Asterisk answers "Did not find context" for a missing one. */
async function lookUp(session: DoctorAmiSession, context: string): Promise<Lookup> {
  try {
    await session.actionList(
      'ShowDialPlan',
      { Context: context },
      { timeoutMs: ACTION_TIMEOUT_MS },
    );
    return { found: true };
  } catch (error) {
    if (error instanceof AmiPermissionError) return { denied: true };
    if (error instanceof AmiActionError && /did not find context/i.test(error.serverMessage)) {
      return { found: false };
    }
    return { error: (error as Error).message };
  }
}

function resultFor(key: ContextKey, context: string, lookup: Lookup): CheckResult {
  const name = transferCheckName(key);
  if ('found' in lookup) {
    return lookup.found
      ? ok(name, tr`the PBX dialplan has context "${context}"`)
      : fail(
          name,
          tr`the PBX dialplan has no context "${context}", so transfers to it would fail`,
          tr`set transfer.${key} to ${PURPOSE[key]()}; on FreePBX that is usually "from-internal" ("dialplan show" in the Asterisk CLI lists the contexts)`,
        );
  }
  if ('denied' in lookup) {
    return fail(
      name,
      tr`the AMI account may not send ShowDialPlan, so the context cannot be checked`,
      tr`add "reporting" to the write= line of the AMI account in manager.conf and run "manager reload" (ShowDialPlan needs reporting or config; ${programName()} manager-conf prints the whole account)`,
    );
  }
  return fail(
    name,
    tr`could not check: ${lookup.error}`,
    tr`run doctor again once the PBX answers`,
  );
}

/**
 * `transfer.courierContext` and `transfer.managerContext` name contexts of the PBX
 * dialplan: a transfer into a missing context fails only when an operator tries it.
 */
export function transferContextChecks(transfer: Pick<TransferConfig, ContextKey>): AmiSessionCheck {
  const keys: readonly ContextKey[] = ['courierContext', 'managerContext'];
  return {
    names: () => keys.map(transferCheckName),
    run: async (session, progress = NO_PROGRESS) => {
      // Both keys usually name the same context: ask the PBX once.
      const lookups = new Map<string, Lookup>();
      const results: CheckResult[] = [];
      for (const key of keys) {
        const context = transfer[key];
        let lookup = lookups.get(context);
        if (lookup === undefined) {
          progress.start(transferCheckName(key));
          lookup = await lookUp(session, context);
          lookups.set(context, lookup);
        }
        results.push(progress.end(resultFor(key, context, lookup)));
      }
      return results;
    },
  };
}
