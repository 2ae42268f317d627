// Loaded with --import into a helper process: once the helper's log says it is running,
// rejects a promise nobody handles, as a bug deep in a dependency would.
import { readFileSync } from 'node:fs';

const log = process.env.CRASH_PROBE_LOG;
const timer = setInterval(() => {
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    return;
  }
  if (!text.includes('WebSocket server listening')) return;
  clearInterval(timer);
  void Promise.reject(new Error('crash probe: a rejection nobody handles'));
}, 50);
timer.unref();
