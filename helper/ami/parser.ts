import { StringDecoder } from 'node:string_decoder';
import { AmiProtocolError } from './errors';
import { OUTPUT_HEADER, type AmiFrame, type AmiHeaderValue } from './frame';

const CR = 13;
const SPACE = 32;
const COLON = 58;
const MAX_LAYOUTS = 512;
const GREETING_PREFIX = 'Asterisk Call Manager/';
const END_COMMAND = '--END COMMAND--';
const DEFAULT_MAX_FRAME_CHARS = 8 * 1024 * 1024;

type MutableFrame = Record<string, string | string[]>;

export interface AmiParserOptions {
  /** A frame (or a line still waiting for its end) longer than this is a protocol error. */
  readonly maxFrameChars?: number;
}

/**
 * Incremental AMI stream parser: bytes in, complete frames out. It holds no socket and no
 * timers. Chunks may split the stream anywhere, including inside a UTF-8 sequence or between
 * CR and LF; lines may end with CRLF or a bare LF.
 *
 * Handled beyond plain `Key: Value` frames:
 * - the greeting line `Asterisk Call Manager/<version>` at the start of the stream;
 * - `Response: Follows` (Asterisk 13 and older) whose raw command output, blank lines
 *   included, runs until `--END COMMAND--`; the raw lines are collected under `Output`,
 *   the header newer versions use for the same output;
 * - lines without a colon, kept under `Output` too rather than dropped.
 *
 * The hot path scans one string with indexOf and takes slices; it builds no per-line
 * arrays and runs no regular expressions.
 */
export class AmiParser {
  readonly #decoder = new StringDecoder('utf8');
  readonly #maxFrameChars: number;
  #rest = '';
  #frame: MutableFrame | null = null;
  #frameChars = 0;
  #follows = false;
  #followsOutputStarted = false;
  #atStreamStart = true;
  #greeting: string | undefined;
  /**
   * Header names by position, per frame kind (`Event` name or `Response`). Asterisk writes
   * each event type with the same headers in the same order, so a line is usually matched
   * against the expected name in place: no key string is cut out and none is interned.
   */
  readonly #layouts = new Map<string, string[]>();
  readonly #firstLines: string[] = [];
  #layout: string[] = this.#firstLines;
  #lineIndex = 0;

  constructor(options: AmiParserOptions = {}) {
    this.#maxFrameChars = options.maxFrameChars ?? DEFAULT_MAX_FRAME_CHARS;
  }

  /** The version from the greeting line (`Asterisk Call Manager/11.0.0` → `11.0.0`), once seen. */
  get greeting(): string | undefined {
    return this.#greeting;
  }

  /** Feeds one chunk and returns the frames it completed, in stream order. */
  feed(chunk: Buffer | string): AmiFrame[] {
    const text = typeof chunk === 'string' ? chunk : this.#decoder.write(chunk);
    const s = this.#rest.length === 0 ? text : this.#rest + text;
    const frames: AmiFrame[] = [];
    let start = 0;
    let nl = s.indexOf('\n');
    while (nl !== -1) {
      const end = nl > start && s.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      if (this.#follows) this.#followsLine(s, start, end);
      else this.#line(s, start, end, frames);
      start = nl + 1;
      nl = s.indexOf('\n', start);
    }
    this.#rest = start === 0 ? s : s.slice(start);
    if (this.#rest.length + this.#frameChars > this.#maxFrameChars) {
      throw new AmiProtocolError(`a frame exceeds ${this.#maxFrameChars} characters`);
    }
    return frames;
  }

  #line(s: string, start: number, end: number, frames: AmiFrame[]): void {
    if (end === start) {
      if (this.#frame !== null) {
        frames.push(this.#frame);
        this.#frame = null;
        this.#frameChars = 0;
      }
      return;
    }
    if (this.#atStreamStart) {
      this.#atStreamStart = false;
      if (s.startsWith(GREETING_PREFIX, start)) {
        this.#greeting = s.slice(start + GREETING_PREFIX.length, end);
        return;
      }
    }
    this.#count(end - start);
    let frame = this.#frame;
    const first = frame === null;
    if (frame === null) {
      frame = {};
      this.#frame = frame;
      this.#followsOutputStarted = false;
      this.#layout = this.#firstLines;
      this.#lineIndex = 0;
    }
    const index = this.#lineIndex;
    this.#lineIndex = index + 1;
    const layout = this.#layout;
    const expected = layout[index];
    let key: string;
    let colon: number;
    if (
      expected !== undefined &&
      s.charCodeAt(start + expected.length) === COLON &&
      s.startsWith(expected, start)
    ) {
      key = expected;
      colon = start + expected.length;
    } else {
      colon = s.indexOf(':', start);
      if (colon === -1 || colon >= end) {
        addValue(frame, OUTPUT_HEADER, s.slice(start, end));
        return;
      }
      key = s.slice(start, colon);
      layout[index] = key;
    }
    const valueStart = colon + 1 < end && s.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
    const value = s.slice(valueStart, end);
    addValue(frame, key, value);
    if (first) {
      if (isFollowsResponse(key, value)) this.#follows = true;
      this.#layout = this.#layoutFor(key === 'Event' ? value : `:${key}`, key);
    }
  }

  #layoutFor(kind: string, firstKey: string): string[] {
    let layout = this.#layouts.get(kind);
    if (layout === undefined) {
      layout = [firstKey];
      // Event names come from the PBX (UserEvent among them): keep the table bounded.
      if (this.#layouts.size < MAX_LAYOUTS) this.#layouts.set(kind, layout);
    }
    return layout;
  }

  /** A line of a `Response: Follows` frame: a few headers, then raw output up to the marker. */
  #followsLine(s: string, start: number, end: number): void {
    const frame = this.#frame as MutableFrame;
    this.#count(end - start);
    if (end - start >= END_COMMAND.length && s.endsWith(END_COMMAND, end)) {
      // Some versions glue the marker to the last output line when it lacks a newline.
      if (end - start > END_COMMAND.length) {
        addValue(frame, OUTPUT_HEADER, s.slice(start, end - END_COMMAND.length));
      }
      this.#follows = false;
      return;
    }
    if (!this.#followsOutputStarted) {
      const colon = s.indexOf(':', start);
      if (colon > start && colon < end) {
        const key = s.slice(start, colon);
        const lower = key.toLowerCase();
        if (lower === 'actionid' || lower === 'privilege') {
          const valueStart =
            colon + 1 < end && s.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
          addValue(frame, key, s.slice(valueStart, end));
          return;
        }
      }
      this.#followsOutputStarted = true;
    }
    addValue(frame, OUTPUT_HEADER, s.slice(start, end));
  }

  #count(lineChars: number): void {
    this.#frameChars += lineChars + 2;
    if (this.#frameChars > this.#maxFrameChars) {
      throw new AmiProtocolError(`a frame exceeds ${this.#maxFrameChars} characters`);
    }
  }
}

function isFollowsResponse(key: string, value: string): boolean {
  return (
    key.length === 8 &&
    value.length === 7 &&
    key.toLowerCase() === 'response' &&
    value.toLowerCase() === 'follows'
  );
}

function addValue(frame: MutableFrame, key: string, value: string): void {
  // A header named like an Object.prototype accessor must not reach the prototype chain.
  if (key === '__proto__') return;
  const previous: AmiHeaderValue | undefined = frame[key];
  if (typeof previous === 'string') frame[key] = [previous, value];
  else if (Array.isArray(previous)) (previous as string[]).push(value);
  else frame[key] = value;
}
