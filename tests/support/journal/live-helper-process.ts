import { startLiveHelper, type LiveHelperOptions } from './live-helper';

/**
 * The live helper as a process of its own, so a test can kill it with SIGKILL mid-call.
 * Options come as JSON in LIVE_HELPER_OPTIONS; it reports on stdout, one JSON line each:
 * `{"type":"ready","recovered":n}` after the first resync, `{"type":"call","call":view}`
 * for every view the hub pushes. SIGTERM stops it cleanly.
 */
async function main(): Promise<void> {
  const options = JSON.parse(process.env.LIVE_HELPER_OPTIONS ?? '') as LiveHelperOptions;
  const helper = await startLiveHelper(options);
  const report = (message: object): void =>
    void process.stdout.write(`${JSON.stringify(message)}\n`);
  helper.hub.subscribe((message) => {
    if (message.type === 'call') report({ type: 'call', call: message.call });
  }, new AbortController().signal);
  report({ type: 'ready', ...(await helper.ready) });
  process.once('SIGTERM', () => void helper.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
