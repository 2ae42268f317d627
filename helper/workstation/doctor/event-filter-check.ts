import { AmiPermissionError } from '../../ami/errors';
import type { AmiFrame } from '../../ami/frame';
import { FILTER_REVISION_VARIABLE } from '../manager-conf/account-privileges';
import type { AmiSessionCheck, DoctorAmiSession } from './ami-session';
import { programName } from '../../core/cli-io';
import { tr } from '../../core/cli-text';
import { fail, NO_PROGRESS, ok, skip } from './check-result';
import type { CheckResult } from './check-result';
import './russian';

export const EVENT_FILTER_CHECK = (): string => tr`AMI event filter`;

/** A context no dialplan has: the PBX creates the probe's Local channels and drops them. */
export const PROBE_CONTEXT = 'courier-doctor-probe';
/** A probe channel no seat's filter names: only an office-wide filter passes its events. */
const OFFICE_PROBE = `Local/probe@${PROBE_CONTEXT}`;
const WAIT_MS = 3_000;

const managerConfFix = (): string =>
  tr`replace the eventfilter lines of the AMI account in manager.conf (or manager_custom.conf) with those ${programName()} manager-conf prints and run "manager reload"`;

interface Seen {
  channel: boolean;
  revision: boolean;
}

/**
 * Whether the account's event filter lets through what the call cards need, and whose calls:
 * the whole office's or this seat's own. Without the `system` or `command` class the filter
 * cannot be read, so the doctor looks at what arrives: it originates probe channels into a
 * context no dialplan has (the PBX creates their Local halves and drops them at once,
 * dialling nothing), each carrying FILTER_REVISION_VARIABLE — one named after no seat, one
 * after the seat's first extension (`Local/101@…`, a channel name a per-seat filter for 101
 * passes). The filters manager-conf prints pass that variable's VarSet on every account, so
 * it arriving means they are the current ones; the first probe's channel events arriving too
 * mean an office-wide filter, the second's alone a per-seat filter for this seat; channel
 * events without the variable mean an older filter that drops events the helper now needs.
 */
export function eventFilterCheck(seatExtension?: string): AmiSessionCheck {
  return {
    names: () => [EVENT_FILTER_CHECK()],
    run: async (session, progress = NO_PROGRESS) => {
      progress.start(EVENT_FILTER_CHECK());
      return [progress.end(await probe(session, seatExtension))];
    },
  };
}

async function probe(session: DoctorAmiSession, seat: string | undefined): Promise<CheckResult> {
  const channels = [
    OFFICE_PROBE,
    ...(seat === undefined ? [] : [`Local/${seat}@${PROBE_CONTEXT}`]),
  ];
  const seen = new Map(channels.map((c) => [c, { channel: false, revision: false } as Seen]));
  const listening = new AbortController();
  let arrived: () => void = () => undefined;
  const allArrived = new Promise<void>((resolve) => (arrived = resolve));
  session.on(
    'event',
    (frame: AmiFrame) => {
      const name = String(frame['Channel'] ?? '');
      const probeSeen = [...seen].find(([channel]) => name.startsWith(`${channel}-`))?.[1];
      if (probeSeen === undefined) return;
      if (frame['Event'] === 'Newchannel') probeSeen.channel = true;
      if (frame['Event'] === 'VarSet' && frame['Variable'] === FILTER_REVISION_VARIABLE) {
        probeSeen.revision = true;
        if ([...seen.values()].every((s) => s.revision)) arrived();
      }
    },
    { signal: listening.signal },
  );
  try {
    for (const channel of channels) {
      await session.action(
        'Originate',
        {
          Channel: channel,
          Application: 'Wait',
          Data: '1',
          Async: 'true',
          Variable: `${FILTER_REVISION_VARIABLE}=1`,
        },
        { timeoutMs: WAIT_MS },
      );
    }
  } catch (error) {
    listening.abort();
    if (error instanceof AmiPermissionError) {
      return skip(EVENT_FILTER_CHECK(), tr`needs the originate write class (see AMI privileges)`);
    }
    return fail(
      EVENT_FILTER_CHECK(),
      tr`could not check: ${(error as Error).message}`,
      tr`run doctor again once the PBX answers`,
    );
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([allArrived, new Promise((r) => (timer = setTimeout(r, WAIT_MS)))]);
  clearTimeout(timer);
  listening.abort();
  return verdict(
    seen.get(OFFICE_PROBE)!,
    seat,
    seat === undefined ? undefined : [...seen.values()][1],
  );
}

function verdict(office: Seen, seat: string | undefined, own: Seen | undefined): CheckResult {
  if (office.revision && office.channel) {
    return ok(
      EVENT_FILTER_CHECK(),
      tr`office-wide filter (current): every call in the office reaches this seat; for many seats give each its own account (${programName()} manager-conf --seats)`,
    );
  }
  if (office.revision) {
    if (seat === undefined) {
      return ok(
        EVENT_FILTER_CHECK(),
        tr`per-seat filter (current): only calls of the seat's own extensions reach it`,
      );
    }
    if (own?.channel) {
      return ok(
        EVENT_FILTER_CHECK(),
        tr`per-seat filter for ${seat} (current): only this seat's own calls reach it`,
      );
    }
    return fail(
      EVENT_FILTER_CHECK(),
      tr`the account's per-seat filter is for other extensions: calls of ${seat} would not reach it`,
      tr`print this seat's account with ${programName()} manager-conf --seats ${seat}, put its eventfilter lines into manager.conf and run "manager reload"`,
    );
  }
  if (office.channel || own?.channel) {
    return fail(
      EVENT_FILTER_CHECK(),
      tr`the account has an older event filter: it drops events the helper now reads (Pickup, so a call picked up from another phone would show no caller; the queue member events, so a pause made elsewhere would not show)`,
      managerConfFix(),
    );
  }
  return fail(
    EVENT_FILTER_CHECK(),
    tr`no event of a probe channel reached the account within ${WAIT_MS / 1000} s`,
    tr`give the account "read = call,dialplan,agent" and ${managerConfFix()}`,
  );
}
