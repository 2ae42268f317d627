/**
 * Plays `courier-helper pair`: a separate process that writes a code into the shared state
 * file, for the helper whose lock and port the arguments name.
 */
import { runPairCommand } from '../../../../../helper/workstation/pairing/run-pair-command';

const [stateDir, port] = process.argv.slice(2);
if (!stateDir || !port) throw new Error('Pass the state directory and the helper port.');
await runPairCommand({ stateDir, port: Number(port), out: process.stdout });
