import type { TransferFailure } from '../../../shared/protocol';
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
import { TransferRefusedError } from './errors';

/** AMI errors that mean the PBX could not be reached or did not answer, not that it said no. */
const UNREACHABLE = [
  AmiTimeoutError,
  AmiDisconnectedError,
  AmiConnectError,
  AmiClosedError,
  AmiLoginError,
  AmiProtocolError,
];

/** Why a transfer failed, from the error its attempt ended with. */
export function failureReason(error: unknown): TransferFailure {
  if (error instanceof TransferRefusedError) return error.reason;
  // A permission error is an action error too: it must be told apart first.
  if (error instanceof AmiPermissionError) return 'pbx-permission';
  if (error instanceof AmiActionError) return 'pbx-refused';
  if (UNREACHABLE.some((kind) => error instanceof kind)) return 'pbx-unavailable';
  return 'failed';
}
