import { validateChannel, validateContext, validateDialTarget } from './dial-target';
import type { AmiFields } from './encode';
import { AmiValueError } from './errors';
import { header, type AmiFrame } from './frame';

export interface OriginateCallerId {
  readonly name?: string;
  readonly number: string;
}

export interface OriginateRequest {
  /** The first leg, rung first: the operator's phone, e.g. `PJSIP/101`. */
  readonly channel: string;
  readonly context: string;
  /** The number dialled in `context` once the first leg answers. */
  readonly exten: string;
  readonly priority?: number;
  readonly callerId?: OriginateCallerId;
  /** How long the first leg may ring, in ms (AMI `Timeout`). */
  readonly timeoutMs: number;
  readonly variables?: Readonly<Record<string, string>>;
  /** Always asynchronous: the outcome arrives as an `OriginateResponse` event. */
  readonly async?: true;
}

export type OriginateFailureReason = 'failed' | 'hangup' | 'no-answer' | 'busy' | 'congestion';

export type OriginateResult =
  | {
      readonly ok: true;
      readonly reasonCode: number;
      readonly uniqueid: string | undefined;
      readonly channel: string | undefined;
    }
  | {
      readonly ok: false;
      readonly reason: OriginateFailureReason;
      readonly reasonCode: number;
      readonly uniqueid: string | undefined;
      readonly channel: string | undefined;
    };

export const MIN_ORIGINATE_TIMEOUT_MS = 1_000;
export const MAX_ORIGINATE_TIMEOUT_MS = 300_000;
const MAX_CALLER_NAME_LENGTH = 80;
const MAX_VARIABLES = 32;

const VARIABLE_NAME = /^_{0,2}[A-Za-z][A-Za-z0-9_]{0,63}$/;
// Control characters would break the frame; "," separates variables inside one `Variable`
// header on the PBX side, so a comma in a value would smuggle in another variable.
const VARIABLE_VALUE_FORBIDDEN = ',';
const CALLER_NAME_FORBIDDEN = '"<>\\';

/** True for C0 control characters, DEL, or any character of `extra`. */
function hasForbidden(value: string, extra: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || extra.includes(value.charAt(i))) return true;
  }
  return false;
}

/**
 * `OriginateResponse` `Reason` values are Asterisk control frame types
 * (enum ast_control_frame_type in include/asterisk/frame.h), as chosen by pbx_dial_reason()
 * in main/pbx.c: 0 is no control frame at all (no such channel or extension, failed dial).
 */
const REASONS: Readonly<Record<number, OriginateFailureReason>> = {
  0: 'failed',
  1: 'hangup',
  3: 'no-answer',
  5: 'busy',
  8: 'congestion',
};
export const REASON_ANSWERED = 4;

/** Validates a request and builds the Originate headers; throws AmiValueError on any bad value. */
export function originateFields(request: OriginateRequest): AmiFields {
  const priority = request.priority ?? 1;
  if (!Number.isInteger(priority) || priority < 1 || priority > 100_000) {
    throw new AmiValueError('Priority', 'it must be a whole number from 1');
  }
  const { timeoutMs } = request;
  if (
    !Number.isInteger(timeoutMs) ||
    timeoutMs < MIN_ORIGINATE_TIMEOUT_MS ||
    timeoutMs > MAX_ORIGINATE_TIMEOUT_MS
  ) {
    throw new AmiValueError(
      'Timeout',
      `it must be whole milliseconds from ${MIN_ORIGINATE_TIMEOUT_MS} to ${MAX_ORIGINATE_TIMEOUT_MS}`,
    );
  }
  return {
    Channel: validateChannel(request.channel),
    Context: validateContext(request.context),
    Exten: validateDialTarget(request.exten),
    Priority: priority,
    CallerID: request.callerId === undefined ? undefined : callerIdValue(request.callerId),
    Timeout: timeoutMs,
    Async: true,
    Variable: request.variables === undefined ? undefined : variableValues(request.variables),
  };
}

/** Maps an `OriginateResponse` event to a result. */
export function originateResultOf(event: AmiFrame): OriginateResult {
  const reasonCode = Number.parseInt(header(event, 'Reason') ?? '', 10);
  const code = Number.isNaN(reasonCode) ? 0 : reasonCode;
  const uniqueid = meaningful(header(event, 'Uniqueid'));
  const channel = meaningful(header(event, 'Channel'));
  const success = (header(event, 'Response') ?? '').toLowerCase() === 'success';
  if (success) return { ok: true, reasonCode: code, uniqueid, channel };
  return { ok: false, reason: REASONS[code] ?? 'failed', reasonCode: code, uniqueid, channel };
}

function callerIdValue(callerId: OriginateCallerId): string {
  const number = validateDialTarget(callerId.number, 'CallerID');
  const name = callerId.name;
  if (name === undefined || name.length === 0) return `<${number}>`;
  if (name.length > MAX_CALLER_NAME_LENGTH || hasForbidden(name, CALLER_NAME_FORBIDDEN)) {
    throw new AmiValueError(
      'CallerID',
      `the caller name must be at most ${MAX_CALLER_NAME_LENGTH} characters without quotes, ` +
        'angle brackets, backslashes or control characters',
    );
  }
  return `"${name}" <${number}>`;
}

function variableValues(variables: Readonly<Record<string, string>>): string[] {
  const names = Object.keys(variables);
  if (names.length > MAX_VARIABLES) {
    throw new AmiValueError('Variable', `at most ${MAX_VARIABLES} variables`);
  }
  return names.map((name) => {
    if (!VARIABLE_NAME.test(name)) {
      throw new AmiValueError(
        'Variable',
        'a variable name must be letters, digits and "_" (up to two leading "_")',
      );
    }
    const value = variables[name];
    if (typeof value !== 'string' || hasForbidden(value, VARIABLE_VALUE_FORBIDDEN)) {
      throw new AmiValueError(
        'Variable',
        `the value of ${name} must be text without control characters or ","`,
      );
    }
    return `${name}=${value}`;
  });
}

function meaningful(value: string | undefined): string | undefined {
  return value === undefined || value.length === 0 || value === '<null>' ? undefined : value;
}
