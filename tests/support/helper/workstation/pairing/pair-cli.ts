/** Plays `helper pair`: a separate process that writes a code into the shared state file. */
import { runPairCommand } from '../../../../../helper/workstation/pairing/run-pair-command';

const stateDir = process.argv[2];
if (!stateDir) throw new Error('Pass the state directory as the first argument.');
await runPairCommand(stateDir, process.stdout);
