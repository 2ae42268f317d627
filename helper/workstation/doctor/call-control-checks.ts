import { AmiPermissionError } from '../../ami/errors';
import { tr } from '../../core/cli-text';
import { header, type AmiFrame } from '../../ami/frame';
import type { TransferConfig } from '../../config/types';
import { outsideExten } from '../call-control/transfer-destination';
import type { AmiSessionCheck, DoctorAmiSession } from './ami-session';
import { fail, NO_PROGRESS, ok, warn } from './check-result';
import type { CheckResult } from './check-result';
import './russian';

const FEATURE_CODES_CHECK = (): string => tr`attended transfer feature codes`;
const OUTSIDE_NUMBERS_CHECK = (): string => tr`attended transfer to outside numbers`;

const ACTION_TIMEOUT_MS = 5_000;
const RELOAD = 'asterisk -rx "module reload features"';

type Code = { value: string } | { denied: true } | { error: string };

/**
 * A feature code as the PBX would use it on a channel: Getvar evaluates FEATUREMAP() and
 * FEATURE() on a placeholder channel when none is named, which reads features.conf.
 */
async function featureCode(session: DoctorAmiSession, variable: string): Promise<Code> {
  try {
    const response = (await session.action(
      'Getvar',
      { Variable: variable },
      { timeoutMs: ACTION_TIMEOUT_MS },
    )) as { frame?: AmiFrame } | undefined;
    return { value: (response?.frame ? header(response.frame, 'Value') : undefined) ?? '' };
  } catch (error) {
    if (error instanceof AmiPermissionError) return { denied: true };
    return { error: (error as Error).message };
  }
}

function verdict(atxfer: Code, abort: Code): CheckResult {
  for (const code of [atxfer, abort]) {
    if ('denied' in code) {
      return fail(
        FEATURE_CODES_CHECK(),
        tr`the AMI account may not send Getvar, so the feature codes cannot be checked`,
        tr`add "call" to the write= line of the AMI account in manager.conf and run "manager reload" (courier-helper manager-conf prints the whole account)`,
      );
    }
    if ('error' in code) {
      return fail(
        FEATURE_CODES_CHECK(),
        tr`could not check: ${code.error}`,
        tr`run doctor again once the PBX answers`,
      );
    }
  }
  const start = (atxfer as { value: string }).value;
  const cancel = (abort as { value: string }).value;
  if (start === '') {
    return fail(
      FEATURE_CODES_CHECK(),
      tr`features.conf maps no code to atxfer, so attended transfer from the card is unavailable (hang-up and blind transfer still work)`,
      tr`add "atxfer => *2" to [featuremap] in features.conf (FreePBX: the feature code "In-Call Asterisk Attended Transfer") and run: ${RELOAD}`,
    );
  }
  if (cancel === '') {
    return fail(
      FEATURE_CODES_CHECK(),
      tr`features.conf has no atxferabort code, so an attended transfer cannot be cancelled from the card`,
      tr`set "atxferabort = *1" in [general] of features.conf and run: ${RELOAD}`,
    );
  }
  return ok(
    FEATURE_CODES_CHECK(),
    tr`atxfer is "${start}" and atxferabort "${cancel}": the card can start and cancel attended transfers; the calls themselves must let the operator transfer (Dial option t or T, Queue option t; FreePBX's default dial options Ttr do)`,
  );
}

/**
 * The PBX's features the card's attended transfer dials on the operator's channel: AMI
 * Atxfer needs an `atxfer` code in features.conf, CancelAtxfer an `atxferabort` code.
 */
export function featureCodesCheck(): AmiSessionCheck {
  return {
    names: () => [FEATURE_CODES_CHECK()],
    run: async (session, progress = NO_PROGRESS) => {
      progress.start(FEATURE_CODES_CHECK());
      const atxfer = await featureCode(session, 'FEATUREMAP(atxfer)');
      const abort = await featureCode(session, 'FEATURE(atxferabort)');
      return [progress.end(verdict(atxfer, abort))];
    },
  };
}

/**
 * An attended transfer reaches the PBX as keypad digits, which have no "+": outside
 * numbers written with one (`{e164}`) cannot be consulted first.
 */
export function outsideNumbersCheck(transfer: Pick<TransferConfig, 'courierExten'>): CheckResult {
  const sample = outsideExten(transfer.courierExten, '+79161234567');
  if (!sample.includes('+')) {
    return ok(
      OUTSIDE_NUMBERS_CHECK(),
      tr`transfer.courierExten "${transfer.courierExten}" dials outside numbers in keypad digits (+79161234567 as ${sample})`,
    );
  }
  // Blind transfers dial the "+" fine, so this takes one feature away and is no failure.
  return warn(
    OUTSIDE_NUMBERS_CHECK(),
    tr`transfer.courierExten "${transfer.courierExten}" dials outside numbers with "+", which an attended transfer cannot send (it reaches the PBX as keypad digits): talk-first transfers to outside numbers (couriers' mobiles, typed numbers) are unavailable; blind transfers work`,
    tr`set transfer.courierExten = "{digits}", or the form the outbound route of transfer.courierContext dials (e.g. "{national}", "9{national}" with the route's prefix)`,
  );
}
