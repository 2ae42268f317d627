/**
 * The structured logger the transport writes to (pino's calling convention:
 * fields first, then the message). Fields never carry tokens, pairing codes or
 * message bodies.
 */
export interface WsLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
