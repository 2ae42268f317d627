import type { CallControlFailure } from '../../../shared/protocol';
import {
  AmiActionError,
  AmiClosedError,
  AmiConnectError,
  AmiDisconnectedError,
  AmiLoginError,
  AmiPermissionError,
  AmiProtocolError,
  AmiTimeoutError,
} from '../../ami/errors';
import { CallControlRefusedError } from './errors';

/** AMI errors that mean the PBX could not be reached or did not answer, not that it said no. */
const UNREACHABLE = [
  AmiTimeoutError,
  AmiDisconnectedError,
  AmiConnectError,
  AmiClosedError,
  AmiLoginError,
  AmiProtocolError,
];

/**
 * Atxfer answers "No attended transfer feature code found", CancelAtxfer a like sentence,
 * when features.conf maps no code to the feature they dial on the operator's channel.
 */
const NO_FEATURE_CODE = /feature code/i;

/** Why a hang-up or transfer failed, from the error its attempt ended with. */
export function failureReason(error: unknown): CallControlFailure {
  if (error instanceof CallControlRefusedError) return error.reason;
  // A permission error is an action error too: it must be told apart first.
  if (error instanceof AmiPermissionError) return 'pbx-permission';
  if (error instanceof AmiActionError) {
    return NO_FEATURE_CODE.test(error.serverMessage) ? 'no-transfer-feature' : 'pbx-refused';
  }
  if (UNREACHABLE.some((kind) => error instanceof kind)) return 'pbx-unavailable';
  return 'failed';
}
