import { setMaxParserCache } from 'mysql2/promise';
import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for `run`, the process that idles on every workstation for the whole working
 * day. Its hot path (AMI event → SQL lookup → frame) spends its time waiting on the PBX and
 * the database, so the optimizing compilers (TurboFan, Maglev) buy nothing measurable there,
 * while having them costs resident memory in every helper: their own code pages of the node
 * binary and the optimized code with its metadata. The baseline compiler (Sparkplug) stays:
 * it costs a third of a MiB and keeps the interpreter's cost off the median. Measured with
 * `bench:helper` (150 calls, 100,000 contacts, one run each, quiet machine): settled idle RSS
 * 56.5 MiB against 60.2 MiB with every compiler on, ring → identity p99 6.96 against
 * 7.30 ms, p50 3.28 against 2.77 ms.
 *
 * Set with `v8.setFlagsFromString` before the helper's code is loaded, since a single
 * executable takes no command-line V8 options from its users. These flags are read when V8
 * decides to tier a function up, so they take effect when set at run time; flags read only
 * when the heap is created (`--lite-mode`, `--max-semi-space-size`) cannot be set this way.
 */
export const IDLE_HELPER_V8_FLAGS: readonly string[] = ['--no-turbofan', '--no-maglev'];

/**
 * mysql2 caches the row parsers it generates in one process-wide LRU preallocated for 15,000
 * entries (four arrays, about 0.5 MB); the helper's queries produce a few dozen result shapes.
 */
const ROW_PARSER_CACHE_SIZE = 256;

/** Applies the settings above; `run` calls it once before it loads the helper. */
export function keepIdleFootprintSmall(): void {
  for (const flag of IDLE_HELPER_V8_FLAGS) setFlagsFromString(flag);
  setMaxParserCache(ROW_PARSER_CACHE_SIZE);
}
