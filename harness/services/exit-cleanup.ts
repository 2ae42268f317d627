const cleanups = new Set<() => void>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let installed = false;

function runAll(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch (error) {
      console.error('cleanup on exit failed:', error);
    }
  }
}

function uninstall(): void {
  process.removeListener('exit', runAll);
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  installed = false;
}

function onSignal(name: NodeJS.Signals): void {
  runAll();
  uninstall();
  // Re-raise only when nobody else handles the signal, so the default exit still happens.
  if (process.listenerCount(name) === 0) process.kill(process.pid, name);
}

/**
 * Registers a synchronous cleanup that runs if the process exits or is interrupted before
 * the service's own async stop ran (Ctrl-C during a test run). Returns the unregister call;
 * the process listeners go away with the last cleanup.
 */
export function onProcessExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  if (!installed) {
    installed = true;
    process.on('exit', runAll);
    for (const s of SIGNALS) process.on(s, onSignal);
  }
  return () => {
    cleanups.delete(cleanup);
    if (cleanups.size === 0 && installed) uninstall();
  };
}
