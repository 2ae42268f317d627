import type { CheckResult } from './check-result';

const TAGS = { ok: '[ok]  ', fail: '[FAIL]', skip: '[skip]' } as const;
const INDENT = ' '.repeat(7);

/**
 * `[ok]   name: detail`, `[FAIL] name: detail` with the fix on the next line.
 * Plain ASCII markers, so a Windows console shows them as they are.
 */
export function formatResult(result: CheckResult): string {
  const line = `${TAGS[result.status]} ${result.name}: ${result.detail}`;
  return result.fix ? `${line}\n${INDENT}fix: ${result.fix}` : line;
}

export function summaryLine(results: readonly CheckResult[]): string {
  const failed = results.filter((result) => result.status === 'fail').length;
  const passed = results.filter((result) => result.status === 'ok').length;
  return failed === 0
    ? `All ${passed} checks passed.`
    : `${failed} check(s) failed, ${passed} passed: change what each [FAIL] line says and run doctor again.`;
}
