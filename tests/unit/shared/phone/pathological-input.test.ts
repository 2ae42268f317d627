import { describe, expect, it } from 'vitest';
import { cut, entryPoints } from '../../../support/shared/phone/entry-points';

const MEGABYTE = 1024 * 1024;
const QUARTER_MEGABYTE = MEGABYTE / 4;

function timed<T>(run: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = run();
  return { ms: performance.now() - started, result };
}

describe.each(entryPoints)('findPhones on 1 MB of digits only, %s', (_name, kit) => {
  it('finishes in under a second', () => {
    const { ms, result } = timed(() => kit.findPhones('7'.repeat(MEGABYTE)));
    expect(result).toEqual([]);
    expect(ms).toBeLessThan(1000);
  });
});

describe('findPhones on repetitive input', () => {
  it.each([
    ['digit pairs', '12 34 56 ', 0],
    ['brackets and pluses', '+7 (+7 (8 (', 0],
    ['dotted digits', '1.2.3.4.5.', 0],
    ['dashes', '8-9-1-6-', 0],
    ['phones', '8 916 123 45 67 ', 1],
  ])(
    'scans 256 KB of %s in linear time',
    (_shape, unit, perUnit) => {
      const repeats = Math.floor(QUARTER_MEGABYTE / unit.length);
      const { ms, result } = timed(() => cut.findPhones(unit.repeat(repeats)));
      expect(result).toHaveLength(perUnit * repeats);
      // Generous: a quadratic scan would take minutes here, the linear one well under a second.
      expect(ms).toBeLessThan(10_000);
    },
    30_000,
  );
});
