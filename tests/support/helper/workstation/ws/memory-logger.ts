import type { WsLogger } from '../../../../../helper/workstation/ws/logger';

export interface LogEntry {
  level: keyof WsLogger;
  fields: object;
  message: string;
}

/** Keeps log lines so tests can assert what was (and was not) written. */
export class MemoryLogger implements WsLogger {
  readonly entries: LogEntry[] = [];

  debug(fields: object, message: string): void {
    this.entries.push({ level: 'debug', fields, message });
  }
  info(fields: object, message: string): void {
    this.entries.push({ level: 'info', fields, message });
  }
  warn(fields: object, message: string): void {
    this.entries.push({ level: 'warn', fields, message });
  }
  error(fields: object, message: string): void {
    this.entries.push({ level: 'error', fields, message });
  }

  /** Everything written, as one string to search. */
  text(): string {
    return this.entries.map((entry) => JSON.stringify(entry)).join('\n');
  }

  has(message: string, fields: Record<string, unknown> = {}): boolean {
    return this.entries.some(
      (entry) =>
        entry.message === message &&
        Object.entries(fields).every(
          ([key, value]) => (entry.fields as Record<string, unknown>)[key] === value,
        ),
    );
  }
}
