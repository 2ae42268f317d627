import { AmiPermissionError } from '../../ami/errors';
import type { AmiFrame } from '../../ami/frame';
import { FILTER_REVISION_VARIABLE } from '../manager-conf/account-privileges';
import type { AmiSessionCheck, DoctorAmiSession } from './ami-session';
import { fail, ok, skip } from './check-result';
import type { CheckResult } from './check-result';

export const EVENT_FILTER_CHECK = 'AMI event filter';

/** A context no dialplan has: the PBX creates the probe's Local channels and drops them. */
export const PROBE_CONTEXT = 'courier-doctor-probe';
const PROBE_CHANNEL = `Local/probe@${PROBE_CONTEXT}`;
const WAIT_MS = 3_000;

const MANAGER_CONF_FIX =
  'replace the eventfilter lines of the AMI account in manager.conf (or manager_custom.conf) ' +
  'with those courier-helper manager-conf prints and run "manager reload"';

interface Seen {
  channel: boolean;
  revision: boolean;
}

/**
 * Whether the account's event filter lets through what the call cards need. Without the
 * `system` or `command` class the filter cannot be read, so the doctor looks at what arrives:
 * it originates a probe channel into a context no dialplan has (the PBX creates its Local
 * halves and drops them at once, dialling nothing) carrying FILTER_REVISION_VARIABLE. The
 * filters manager-conf prints pass that variable's VarSet together with every event the
 * tracker reads, so it arriving means they are in place; channel events arriving without it
 * mean an older filter that drops events the helper now needs.
 */
export function eventFilterCheck(): AmiSessionCheck {
  return { names: [EVENT_FILTER_CHECK], run: async (session) => [await probe(session)] };
}

async function probe(session: DoctorAmiSession): Promise<CheckResult> {
  const seen: Seen = { channel: false, revision: false };
  const listening = new AbortController();
  let arrived: () => void = () => undefined;
  const revisionArrived = new Promise<void>((resolve) => (arrived = resolve));
  session.on(
    'event',
    (frame: AmiFrame) => {
      if (!String(frame['Channel'] ?? '').startsWith(`${PROBE_CHANNEL}-`)) return;
      if (frame['Event'] === 'Newchannel') seen.channel = true;
      if (frame['Event'] === 'VarSet' && frame['Variable'] === FILTER_REVISION_VARIABLE) {
        seen.revision = true;
        arrived();
      }
    },
    { signal: listening.signal },
  );
  try {
    await session.action(
      'Originate',
      {
        Channel: PROBE_CHANNEL,
        Application: 'Wait',
        Data: '1',
        Async: 'true',
        Variable: `${FILTER_REVISION_VARIABLE}=1`,
      },
      { timeoutMs: WAIT_MS },
    );
  } catch (error) {
    listening.abort();
    if (error instanceof AmiPermissionError) {
      return skip(EVENT_FILTER_CHECK, 'needs the originate write class (see AMI privileges)');
    }
    return fail(
      EVENT_FILTER_CHECK,
      `could not check: ${(error as Error).message}`,
      'run doctor again once the PBX answers',
    );
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([revisionArrived, new Promise((r) => (timer = setTimeout(r, WAIT_MS)))]);
  clearTimeout(timer);
  listening.abort();
  return verdict(seen);
}

function verdict(seen: Seen): CheckResult {
  if (seen.revision) {
    return ok(
      EVENT_FILTER_CHECK,
      'the account has the current filter: the events the helper reads reach it, Pickup included',
    );
  }
  if (seen.channel) {
    return fail(
      EVENT_FILTER_CHECK,
      'the account has an older event filter: it drops events the helper now reads ' +
        '(Pickup, so a call picked up from another phone would show no caller)',
      MANAGER_CONF_FIX,
    );
  }
  return fail(
    EVENT_FILTER_CHECK,
    `no event of a probe channel reached the account within ${WAIT_MS / 1000} s`,
    'give the account "read = call,dialplan" and ' + MANAGER_CONF_FIX,
  );
}
