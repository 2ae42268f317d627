import pino from 'pino';
import type { DestinationStream, Logger, StreamEntry } from 'pino';
import type { LogLevel } from '../config/types';
import { REDACT_PATHS } from './redact-paths';
import { openRotatingFile } from './rotating-file';
import type { RotatingFile } from './rotating-file';
import { createScrubber } from './scrub';

export interface LoggerOptions {
  level: LogLevel;
  /** Also append JSON lines to this file; empty for none. */
  file: string;
  /** Configured secrets (AMI secret, database password) scrubbed from every line. */
  secrets: readonly string[];
  /** Where lines go besides the file; stderr by default. */
  stream?: LineSink;
}

/** Anything that takes whole log lines: a stream, process.stderr, a test buffer. */
export interface LineSink {
  write(line: string): unknown;
}

export interface HelperLogger {
  logger: Logger;
  /** Flushes and closes the log file; the logger must not be used afterwards. */
  close(): Promise<void>;
}

/** The helper's structured logger: pino with redaction and a secret scrubber on every line. */
export function createLogger(options: LoggerOptions): HelperLogger {
  const scrub = createScrubber(options.secrets);
  const consoleStream =
    (options.stream as DestinationStream | undefined) ?? pino.destination({ dest: 2, sync: true });
  const streams: StreamEntry<LogLevel>[] = [{ level: 'trace', stream: consoleStream }];
  let file: RotatingFile | undefined;
  if (options.file !== '') {
    const path = options.file;
    file = openRotatingFile({
      path,
      onError: (error) =>
        consoleStream.write(
          `${JSON.stringify({ level: 50, time: Date.now(), msg: `cannot write the log file ${path}: ${error.message}` })}\n`,
        ),
    });
    streams.push({ level: 'trace', stream: file as unknown as DestinationStream });
  }
  const logger = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
      hooks: { streamWrite: scrub },
      serializers: { err: pino.stdSerializers.err },
    },
    pino.multistream(streams as StreamEntry[]),
  );
  return {
    logger,
    close: async () => {
      file?.close();
    },
  };
}
