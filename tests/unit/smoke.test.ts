import { describe, expect, it } from 'vitest';

describe('toolchain', () => {
  it('defines the target browser for extension code', () => {
    expect(import.meta.env.BROWSER).toBeTypeOf('string');
  });
});
