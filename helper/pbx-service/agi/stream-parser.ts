import { StringDecoder } from 'node:string_decoder';
import { environmentOf, type AgiEnvironment } from './environment';
import { AgiProtocolError } from './errors';
import { parseReplyLine, type AgiReply } from './reply';

export type AgiStreamEvent =
  | { readonly type: 'environment'; readonly environment: AgiEnvironment }
  | { readonly type: 'reply'; readonly reply: AgiReply }
  | { readonly type: 'hangup' };

export interface AgiStreamParserOptions {
  /** The opening `agi_*` block may not be longer than this. Default 32 KiB. */
  readonly maxEnvironmentChars?: number;
  /** A line still waiting for its end may not be longer than this. Default 8 KiB. */
  readonly maxLineChars?: number;
  /** A multi-line `520-` usage answer may not be longer than this. Default 32 KiB. */
  readonly maxUsageChars?: number;
}

const FIELD = /^agi_([a-z0-9_]+):\s?(.*)$/i;
const HANGUP = 'HANGUP';
const USAGE_START = '520-';

/**
 * Incremental FastAGI stream parser: bytes in, events out, no socket and no timers.
 * First the `agi_*: value` block up to a blank line (the channel's environment), then one
 * event per reply line, with the multi-line `520-…` usage answer folded into one reply and
 * the `HANGUP` notice Asterisk sends when the channel hangs up.
 */
export class AgiStreamParser {
  readonly #decoder = new StringDecoder('utf8');
  readonly #maxEnvironmentChars: number;
  readonly #maxLineChars: number;
  readonly #maxUsageChars: number;
  #rest = '';
  #fields: Record<string, string> | undefined = Object.create(null) as Record<string, string>;
  #environmentChars = 0;
  #usage: string[] | undefined;
  #usageChars = 0;

  constructor(options: AgiStreamParserOptions = {}) {
    this.#maxEnvironmentChars = options.maxEnvironmentChars ?? 32 * 1024;
    this.#maxLineChars = options.maxLineChars ?? 8 * 1024;
    this.#maxUsageChars = options.maxUsageChars ?? 32 * 1024;
  }

  /** True once the environment block is complete. */
  get started(): boolean {
    return this.#fields === undefined;
  }

  feed(chunk: Buffer | string): AgiStreamEvent[] {
    const text = typeof chunk === 'string' ? chunk : this.#decoder.write(chunk);
    const s = this.#rest + text;
    const events: AgiStreamEvent[] = [];
    let start = 0;
    for (let nl = s.indexOf('\n'); nl !== -1; nl = s.indexOf('\n', start)) {
      const end = nl > start && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.#line(s.slice(start, end), events);
      start = nl + 1;
    }
    this.#rest = s.slice(start);
    if (this.#rest.length > this.#maxLineChars) {
      throw new AgiProtocolError(`a line exceeds ${this.#maxLineChars} characters`);
    }
    return events;
  }

  #line(line: string, events: AgiStreamEvent[]): void {
    const fields = this.#fields;
    if (fields !== undefined) {
      this.#environmentLine(fields, line, events);
      return;
    }
    if (this.#usage !== undefined) {
      // Each line is bounded, but not their number: a peer that never ends the answer must
      // not grow it without end.
      this.#usageChars += line.length + 1;
      if (this.#usageChars > this.#maxUsageChars) {
        throw new AgiProtocolError(`a 520 usage answer exceeds ${this.#maxUsageChars} characters`);
      }
      this.#usage.push(line);
      if (line.startsWith('520 ')) {
        const text = this.#usage.join('\n');
        this.#usage = undefined;
        events.push({ type: 'reply', reply: { code: 520, result: '', data: undefined, text } });
      }
      return;
    }
    if (line.length === 0) return;
    if (line === HANGUP) {
      events.push({ type: 'hangup' });
      return;
    }
    if (line.startsWith(USAGE_START)) {
      this.#usage = [line.slice(USAGE_START.length)];
      this.#usageChars = line.length + 1;
      return;
    }
    const reply = parseReplyLine(line);
    if (reply === undefined) throw new AgiProtocolError('a reply line without a status code');
    events.push({ type: 'reply', reply });
  }

  #environmentLine(fields: Record<string, string>, line: string, events: AgiStreamEvent[]): void {
    if (line.length === 0) {
      // Asterisk may send an empty line before anything else; an empty block is not a start.
      if (Object.keys(fields).length === 0) return;
      this.#fields = undefined;
      events.push({ type: 'environment', environment: environmentOf(fields) });
      return;
    }
    this.#environmentChars += line.length + 1;
    if (this.#environmentChars > this.#maxEnvironmentChars) {
      throw new AgiProtocolError(`the agi_* block exceeds ${this.#maxEnvironmentChars} characters`);
    }
    const match = FIELD.exec(line);
    if (match === null)
      throw new AgiProtocolError('the opening block holds a line that is not agi_*');
    const key = (match[1] as string).toLowerCase();
    if (key === '__proto__') return;
    fields[key] = match[2] as string;
  }
}
