import { join } from 'node:path';

/** Where the journal keeps its spool: `journal.spoolDir`, or a `journal` folder in the state directory. */
export function journalSpoolDir(spoolDir: string, stateDir: string): string {
  return spoolDir || join(stateDir, 'journal');
}
