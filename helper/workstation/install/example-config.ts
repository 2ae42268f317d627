import { readFileSync } from 'node:fs';

/** Set at bundle time to the text of config/helper.example.toml; absent in the source tree. */
declare const __EXAMPLE_CONFIG__: string | undefined;

/** The commented example configuration shipped with the helper. */
export function exampleConfigText(): string {
  if (typeof __EXAMPLE_CONFIG__ === 'string') return __EXAMPLE_CONFIG__;
  return readFileSync(new URL('../../../config/helper.example.toml', import.meta.url), 'utf8');
}

/**
 * The example with `[log] file` pointing at the given path, so an installed helper, which
 * has no console anyone reads, keeps a log from the start. Unchanged if the example no
 * longer has the empty `file = ""` line.
 */
export function exampleWithLogFile(example: string, logFile: string): string {
  const section = /^\[log\][^\S\n]*$/m.exec(example);
  if (section === null) return example;
  const start = section.index;
  const next = example.slice(start + section[0].length).search(/^\[/m);
  const end = next === -1 ? example.length : start + section[0].length + next;
  const body = example.slice(start, end);
  // A basic TOML string: JSON's escapes (\\, \", \uXXXX) are TOML's as well.
  const replaced = body.replace(/^file = ""[^\S\n]*$/m, `file = ${JSON.stringify(logFile)}`);
  return `${example.slice(0, start)}${replaced}${example.slice(end)}`;
}
