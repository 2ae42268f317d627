import * as v from 'valibot';
import { ClientMessage, CLIENT_MESSAGE_TYPES } from './client-messages';
import { ServerMessage, SERVER_MESSAGE_TYPES } from './server-messages';
import { ProtocolError } from './errors';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from './version';

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: ProtocolError };

type AnySchema = v.GenericSchema<unknown, unknown>;

function decode(input: unknown): ParseResult<unknown> {
  if (typeof input !== 'string') return { ok: true, message: input };
  // Each UTF-16 unit is at least one byte on the wire, so this bound is safe to check first.
  if (input.length > MAX_MESSAGE_BYTES) {
    return fail('too-large', `Message is larger than ${MAX_MESSAGE_BYTES} bytes.`);
  }
  try {
    return { ok: true, message: JSON.parse(input) as unknown };
  } catch {
    return fail('invalid-json', 'Message is not valid JSON.');
  }
}

function fail<T>(kind: ProtocolError['kind'], message: string, type?: string): ParseResult<T> {
  return { ok: false, error: new ProtocolError(kind, message, type) };
}

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function parseWith<T>(
  input: unknown,
  schema: AnySchema,
  knownTypes: readonly string[],
): ParseResult<T> {
  const decoded = decode(input);
  if (!decoded.ok) return decoded as ParseResult<T>;
  const raw = decoded.message;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('invalid-fields', 'Message must be a JSON object.');
  }
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !knownTypes.includes(type)) {
    return fail('unknown-type', `Unknown message type ${JSON.stringify(type)}.`);
  }
  const version = (raw as { v?: unknown }).v;
  if (version !== undefined && version !== PROTOCOL_VERSION) {
    return fail(
      'unsupported-version',
      `Protocol version ${String(version)} is not supported; this side speaks ${PROTOCOL_VERSION}. Update the older of the extension and the helper.`,
      type,
    );
  }
  const result = v.safeParse(schema, raw);
  if (!result.success) {
    return fail(
      'invalid-fields',
      `Invalid "${type}" message: ${describeIssues(result.issues)}`,
      type,
    );
  }
  return { ok: true, message: result.output as T };
}

/** Helper side: validates a frame from the extension. */
export function parseClientMessage(input: unknown): ParseResult<ClientMessage> {
  return parseWith<ClientMessage>(input, ClientMessage, CLIENT_MESSAGE_TYPES);
}

/** Extension side: validates a frame from the helper. */
export function parseServerMessage(input: unknown): ParseResult<ServerMessage> {
  return parseWith<ServerMessage>(input, ServerMessage, SERVER_MESSAGE_TYPES);
}

export function encodeMessage(message: ClientMessage | ServerMessage): string {
  return JSON.stringify(message);
}
