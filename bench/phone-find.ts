/**
 * Throughput of findPhones (bundled, as shipped) on about 1 MB of generated
 * cabinet text, next to libphonenumber's findPhoneNumbersInText (max metadata)
 * on the same text in the same run, with the precision of each on the phones
 * planted in it; then the same on a text that also holds CIS numbers written
 * with `+`, and the time of pathological inputs. Medians of several runs.
 * The last line is the headline: `findPhones <numbers/s> numbers/s` for the
 * content-script (RU+KZ+CIS) build on the first text.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/core';
import maxMetadata from 'libphonenumber-js/metadata.max.json';
import { loadBundledPhoneKit } from './phone-bundle';
import { generateCorpus, type Corpus } from './phone-corpus';

const RUNS = 7;
const CORPUS_BYTES = 1024 * 1024;
const CIS_SEED = 20251207;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure<T>(run: () => T): { seconds: number; result: T } {
  const times: number[] = [];
  let result = run();
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    result = run();
    times.push((performance.now() - started) / 1000);
  }
  return { seconds: median(times), result };
}

/** How many of the planted numbers were found, in order; the rest of the finds are false. */
function matchPlanted(planted: readonly string[], found: readonly string[]): number {
  const remaining = new Map<string, number>();
  for (const e164 of planted) remaining.set(e164, (remaining.get(e164) ?? 0) + 1);
  let matched = 0;
  for (const e164 of found) {
    const left = remaining.get(e164) ?? 0;
    if (left > 0) {
      remaining.set(e164, left - 1);
      matched++;
    }
  }
  return matched;
}

const full = await loadBundledPhoneKit('index');
const cut = await loadBundledPhoneKit('cis');
const CONTENT_SCRIPT = 'findPhones (content script, RU+KZ+CIS cut)';
const BASELINE = 'libphonenumber findPhoneNumbersInText (max)';

/** Times every finder on the corpus; returns numbers per second by finder name. */
function benchCorpus(title: string, corpus: Corpus): Map<string, number> {
  const megabytes = Buffer.byteLength(corpus.text) / (1024 * 1024);
  console.log(`${title}: ${megabytes.toFixed(2)} MB, ${corpus.planted.length} phones planted`);
  const rows: Array<[string, () => string[]]> = [
    [CONTENT_SCRIPT, () => cut.findPhones(corpus.text).map((p) => p.e164)],
    ['findPhones (full max metadata)', () => full.findPhones(corpus.text).map((p) => p.e164)],
    [
      BASELINE,
      () => findPhoneNumbersInText(corpus.text, 'RU', maxMetadata).map((m) => m.number.number),
    ],
  ];
  const rates = new Map<string, number>();
  for (const [name, run] of rows) {
    const { seconds, result } = measure(run);
    const matched = matchPlanted(corpus.planted, result);
    const rate = result.length / seconds;
    rates.set(name, rate);
    console.log(
      `  ${name}: ${(seconds * 1000).toFixed(1)} ms median, ${result.length} found ` +
        `(${matched} of ${corpus.planted.length} planted, ${result.length - matched} false), ` +
        `${Math.round(rate)} numbers/s, ${(megabytes / seconds).toFixed(2)} MB/s`,
    );
  }
  const speedup = rates.get(CONTENT_SCRIPT)! / rates.get(BASELINE)!;
  console.log(`  content-script finder vs libphonenumber, same run: ${speedup.toFixed(1)}×`);
  return rates;
}

const rates = benchCorpus('cabinet text', generateCorpus(CORPUS_BYTES));
benchCorpus('cabinet text with CIS numbers', generateCorpus(CORPUS_BYTES, CIS_SEED, true));

const pathological: Array<[string, string]> = [
  ['digits only', '7'.repeat(CORPUS_BYTES)],
  ['digit pairs with spaces', '12 34 56 '.repeat(CORPUS_BYTES / 9)],
  ['phone-like groups', '8 916 123 45 67 '.repeat(CORPUS_BYTES / 16)],
  ['brackets and pluses', '+7 (+7 (8 ('.repeat(CORPUS_BYTES / 11)],
  ['CIS numbers without +', '998 90 123 45 67 '.repeat(CORPUS_BYTES / 17)],
];
for (const [name, text] of pathological) {
  const { seconds, result } = measure(() => cut.findPhones(text));
  console.log(
    `pathological 1 MB, ${name}: ${(seconds * 1000).toFixed(0)} ms median, ${result.length} found`,
  );
}

console.log(`findPhones ${Math.round(rates.get(CONTENT_SCRIPT)!)} numbers/s`);
