import { isDigitCode, isInlineSpaceCode, isJoiningHyphenCode } from './char-classes';

const PLUS = 0x2b;
const OPEN = 0x28;
const CLOSE = 0x29;
const DOT = 0x2e;

/**
 * Shapes of the characters allowed between two digit groups of one writing,
 * one class per character (space, hyphen, dot, `(`, `)`), a second character's
 * class shifted by three bits: `SPACE_SPACE` is two spaces, `CLOSE_SPACE` is `) `.
 */
export const SPACE = 1;
export const HYPHEN = 2;
export const DOT_JOIN = 3;
export const OPEN_JOIN = 4;
export const CLOSE_JOIN = 5;
export const SPACE_SPACE = SPACE | (SPACE << 3);
export const CLOSE_SPACE = CLOSE_JOIN | (SPACE << 3);
export const SPACE_OPEN = SPACE | (OPEN_JOIN << 3);
const CLOSE_HYPHEN = CLOSE_JOIN | (HYPHEN << 3);
const HYPHEN_OPEN = HYPHEN | (OPEN_JOIN << 3);

/** Two-character joiners that join groups; spaced dashes and `. ` end a chain: they part items of prose. */
function isJoinerPair(shape: number): boolean {
  return (
    shape === SPACE_SPACE ||
    shape === CLOSE_SPACE ||
    shape === SPACE_OPEN ||
    shape === CLOSE_HYPHEN ||
    shape === HYPHEN_OPEN
  );
}

/** Class of a joining character, 0 for any other. */
export function joinerClassAt(code: number): number {
  if (isInlineSpaceCode(code)) return SPACE;
  if (isJoiningHyphenCode(code)) return HYPHEN;
  if (code === DOT) return DOT_JOIN;
  if (code === OPEN) return OPEN_JOIN;
  if (code === CLOSE) return CLOSE_JOIN;
  return 0;
}

const INITIAL_CAPACITY = 32;
/** A chain buffer grown past this by a pathological text is dropped after the search. */
const KEPT_CAPACITY = 4096;

/**
 * Digit groups joined by phone punctuation, in text order; a phone is a
 * sub-range of one chain. One instance is refilled for chain after chain, so
 * scanning allocates nothing per group.
 */
export class DigitChain {
  text = '';
  /** Index of a `+` written right before the first group (or before its bracket); -1 when absent. */
  plusAt = -1;
  /** Number of groups. */
  count = 0;
  /** Group k is `text.slice(starts[k], ends[k])`. */
  starts = new Int32Array(INITIAL_CAPACITY);
  ends = new Int32Array(INITIAL_CAPACITY);
  /** Joiner shape between group k and group k + 1. */
  joiners = new Uint8Array(INITIAL_CAPACITY);

  length(k: number): number {
    return this.ends[k]! - this.starts[k]!;
  }

  /** Numeric value of a short group (dates, IP addresses), read without a substring. */
  value(k: number): number {
    let value = 0;
    for (let index = this.starts[k]!; index < this.ends[k]!; index++) {
      value = value * 10 + this.text.charCodeAt(index) - 48;
    }
    return value;
  }

  /** Digits of groups first..last, concatenated. */
  digits(first: number, last: number): string {
    if (first === last) return this.text.slice(this.starts[first], this.ends[first]);
    let digits = '';
    for (let k = first; k <= last; k++) digits += this.text.slice(this.starts[k], this.ends[k]);
    return digits;
  }

  /** Whether the buffers are worth keeping for the next search. */
  get isCompact(): boolean {
    return this.starts.length <= KEPT_CAPACITY;
  }

  push(start: number, end: number): void {
    if (this.count === this.starts.length) this.grow();
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  private grow(): void {
    const capacity = this.starts.length * 2;
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    const joiners = new Uint8Array(capacity);
    starts.set(this.starts);
    ends.set(this.ends);
    joiners.set(this.joiners);
    this.starts = starts;
    this.ends = ends;
    this.joiners = joiners;
  }
}

/** Length of the joiner at `pos` (1 or 2 characters before the next digit), or 0 when none joins there. */
function joinerAt(text: string, pos: number, chain: DigitChain): number {
  if (pos + 1 >= text.length) return 0;
  const first = joinerClassAt(text.charCodeAt(pos));
  if (first === 0) return 0;
  if (isDigitCode(text.charCodeAt(pos + 1))) {
    chain.joiners[chain.count - 1] = first;
    return 1;
  }
  if (pos + 2 >= text.length) return 0;
  const second = joinerClassAt(text.charCodeAt(pos + 1));
  const shape = first | (second << 3);
  if (second === 0 || !isJoinerPair(shape) || !isDigitCode(text.charCodeAt(pos + 2))) return 0;
  chain.joiners[chain.count - 1] = shape;
  return 2;
}

/**
 * Reads into `chain` the chain whose first digit is at `index` and returns
 * the index just past its last group. Every character is read at most three
 * times, with no backtracking.
 */
export function readChain(text: string, index: number, chain: DigitChain): number {
  chain.text = text;
  chain.count = 0;
  let before = index - 1;
  if (before >= 0 && text.charCodeAt(before) === OPEN) before--;
  chain.plusAt = before >= 0 && text.charCodeAt(before) === PLUS ? before : -1;
  const length = text.length;
  for (;;) {
    const start = index;
    while (index < length && isDigitCode(text.charCodeAt(index))) index++;
    chain.push(start, index);
    const joiner = joinerAt(text, index, chain);
    if (joiner === 0) return index;
    index += joiner;
  }
}
