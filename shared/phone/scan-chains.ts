import { isDigitCode, isInlineSpaceCode, isJoiningHyphenCode } from './char-classes';

/** A maximal run of ASCII digits: `text.slice(start, end)`. */
export interface DigitGroup {
  readonly start: number;
  readonly end: number;
}

/** Digit groups joined by phone punctuation, in text order; a phone is a sub-range of one chain. */
export interface DigitChain {
  /** Index of a `+` written right before the first group (or before its bracket); -1 when absent. */
  readonly plusAt: number;
  readonly groups: readonly DigitGroup[];
}

const PLUS = 0x2b;
const OPEN = 0x28;
const CLOSE = 0x29;
const DOT = 0x2e;

/**
 * Shapes of the characters allowed between two digit groups of one writing:
 * s space, h hyphen, d dot, o `(`, c `)`. Spaced dashes and dots followed by a
 * space end the chain: they part items of prose, not groups of one number.
 */
const JOINERS: ReadonlySet<string> = new Set([
  's',
  'ss',
  'h',
  'd',
  'o',
  'c',
  'cs',
  'so',
  'ch',
  'ho',
]);
const MAX_JOINER = 2;

export function joinerClassAt(code: number): string {
  if (isInlineSpaceCode(code)) return 's';
  if (isJoiningHyphenCode(code)) return 'h';
  if (code === DOT) return 'd';
  if (code === OPEN) return 'o';
  if (code === CLOSE) return 'c';
  return '';
}

/** The joiner shape between `from` and the next digit, or '' when the characters there do not join. */
export function joinerShape(text: string, from: number, to: number): string {
  let shape = '';
  for (let index = from; index < to; index++) {
    const cls = joinerClassAt(text.charCodeAt(index));
    if (cls === '') return '';
    shape += cls;
  }
  return shape;
}

function joinerLength(text: string, pos: number): number {
  let shape = '';
  for (let k = 0; k <= MAX_JOINER && pos + k < text.length; k++) {
    const code = text.charCodeAt(pos + k);
    if (isDigitCode(code)) return k > 0 && JOINERS.has(shape) ? k : 0;
    const cls = joinerClassAt(code);
    if (cls === '') return 0;
    shape += cls;
  }
  return 0;
}

/** One linear pass: every character is read at most MAX_JOINER + 1 times, with no backtracking. */
export function scanDigitChains(text: string): DigitChain[] {
  const chains: DigitChain[] = [];
  const length = text.length;
  let index = 0;
  while (index < length) {
    if (!isDigitCode(text.charCodeAt(index))) {
      index++;
      continue;
    }
    let before = index - 1;
    if (before >= 0 && text.charCodeAt(before) === OPEN) before--;
    const plusAt = before >= 0 && text.charCodeAt(before) === PLUS ? before : -1;
    const groups: DigitGroup[] = [];
    for (;;) {
      const start = index;
      while (index < length && isDigitCode(text.charCodeAt(index))) index++;
      groups.push({ start, end: index });
      const joiner = joinerLength(text, index);
      if (joiner === 0) break;
      index += joiner;
    }
    chains.push({ plusAt, groups });
  }
  return chains;
}
