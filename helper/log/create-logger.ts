import { once } from 'node:events';
import pino from 'pino';
import type { DestinationStream, Logger, StreamEntry } from 'pino';
import type { LogLevel } from '../config/types';
import { REDACT_PATHS } from './redact-paths';
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

type FileDestination = ReturnType<typeof pino.destination>;

async function closeFile(file: FileDestination): Promise<void> {
  // SonicBoom refuses to flush before its file is open.
  if (!(file as unknown as { fd: number }).fd || (file as unknown as { fd: number }).fd < 0) {
    await once(file, 'ready');
  }
  file.flushSync();
  const closed = once(file, 'close');
  file.end();
  await closed;
}

/** The helper's structured logger: pino with redaction and a secret scrubber on every line. */
export function createLogger(options: LoggerOptions): HelperLogger {
  const scrub = createScrubber(options.secrets);
  const streams: StreamEntry<LogLevel>[] = [
    {
      level: 'trace',
      stream:
        (options.stream as DestinationStream | undefined) ??
        pino.destination({ dest: 2, sync: true }),
    },
  ];
  let file: FileDestination | undefined;
  if (options.file !== '') {
    file = pino.destination({ dest: options.file, mkdir: true, append: true, sync: false });
    streams.push({ level: 'trace', stream: file });
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
      if (file) await closeFile(file);
    },
  };
}
