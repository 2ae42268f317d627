import { createInterface } from 'node:readline';
import type { CallOutcome } from '../../../shared/protocol';
import { startLiveHelper, type LiveHelperOptions } from './live-helper';

/** What the test asks of the process on stdin: note an outcome, as the card would. */
interface NoteCommand {
  readonly type: 'note';
  readonly callId: string;
  readonly extension: string;
  readonly outcome: CallOutcome;
}

/**
 * The live helper as a process of its own, so a test can kill it with SIGKILL mid-call.
 * Options come as JSON in LIVE_HELPER_OPTIONS; it reports on stdout, one JSON line each:
 * `{"type":"ready","recovered":n}` after the first resync, `{"type":"call","call":view}`
 * for every view the hub pushes, `{"type":"noted"}` once an outcome asked for on stdin is
 * kept. SIGTERM stops it cleanly.
 */
async function main(): Promise<void> {
  const options = JSON.parse(process.env.LIVE_HELPER_OPTIONS ?? '') as LiveHelperOptions;
  const helper = await startLiveHelper(options);
  const report = (message: object): void =>
    void process.stdout.write(`${JSON.stringify(message)}\n`);
  helper.hub.subscribe((message) => {
    if (message.type === 'call') report({ type: 'call', call: message.call });
  }, new AbortController().signal);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const command = JSON.parse(line) as NoteCommand;
    void helper.journal.journal
      .noted({ callId: command.callId, extension: command.extension }, command.outcome)
      .then(() => report({ type: 'noted' }));
  });
  report({ type: 'ready', ...(await helper.ready) });
  process.once('SIGTERM', () => void helper.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
