import type { TextOutput } from '../../core/cli-io';
import { tr } from '../../core/cli-text';
import type { CheckProgress, CheckResult } from './check-result';
import './russian';

const TAGS = { ok: '[ok]  ', warn: '[warn]', fail: '[FAIL]', skip: '[skip]' } as const;
const WAITING = '[....]';
const INDENT = ' '.repeat(7);
/** Back to the line start and clear it: a terminal replaces the waiting line with the result. */
const CLEAR_LINE = '\r\x1b[2K';

/**
 * `[ok]   name: detail`; `[warn] name: detail` and `[FAIL] name: detail` with the fix on the
 * next line.
 * Plain ASCII markers in every language, so a Windows console shows them as they are and
 * scripts can look for them.
 */
export function formatResult(result: CheckResult): string {
  const line = `${TAGS[result.status]} ${result.name}: ${result.detail}`;
  return result.fix ? `${line}\n${INDENT}${tr`fix:`} ${result.fix}` : line;
}

function count(results: readonly CheckResult[], status: CheckResult['status']): number {
  return results.filter((result) => result.status === status).length;
}

/** A warning is a passed check that names a feature this configuration leaves out. */
export function summaryLine(results: readonly CheckResult[]): string {
  const failed = count(results, 'fail');
  const warned = count(results, 'warn');
  const passed = count(results, 'ok') + warned;
  if (failed > 0) {
    return tr`${failed} check(s) failed, ${passed} passed: change what each [FAIL] line says and run doctor again.`;
  }
  return warned === 0
    ? tr`All ${passed} checks passed.`
    : tr`All ${passed} checks passed, ${warned} with a warning: each [warn] line says what is unavailable and how to enable it.`;
}

/** Where the doctor's report goes; `finish` once every check has ended. */
export interface DoctorReport extends CheckProgress {
  finish(): void;
  readonly results: readonly CheckResult[];
}

/** Collects each result once, however often it is ended, and passes it on. */
function collecting(
  onStart: (name: string) => void,
  onResult: (result: CheckResult) => void,
  onFinish: (results: readonly CheckResult[]) => void,
): DoctorReport {
  const results: CheckResult[] = [];
  const seen = new Set<CheckResult>();
  return {
    results,
    start: onStart,
    end(result) {
      if (!seen.has(result)) {
        seen.add(result);
        results.push(result);
        onResult(result);
      }
      return result;
    },
    finish: () => onFinish(results),
  };
}

/**
 * The report as lines: each check's name when it starts, its result when it ends. On a
 * terminal the waiting line is replaced by the result; elsewhere (a file, a pipe) both stay,
 * so a log shows which check was waiting.
 */
export function textReport(out: TextOutput, scrub: (text: string) => string): DoctorReport {
  let waiting = false;
  const clear = (): void => {
    if (waiting && out.isTTY) out.write(CLEAR_LINE);
    waiting = false;
  };
  return collecting(
    (name) => {
      clear();
      out.write(scrub(`${WAITING} ${name}…`) + (out.isTTY ? '' : '\n'));
      waiting = true;
    },
    (result) => {
      clear();
      out.write(`${scrub(formatResult(result))}\n`);
    },
    (results) => {
      clear();
      out.write(`${summaryLine(results)}\n`);
    },
  );
}

/** What `doctor --json` prints: the contract scripts and monitoring read. */
export interface DoctorJson {
  ok: boolean;
  /** Warnings included. */
  passed: number;
  /** The passed checks that name a feature this configuration leaves out. */
  warned: number;
  failed: number;
  skipped: number;
  summary: string;
  checks: readonly CheckResult[];
}

/**
 * The same report as one JSON document, printed when every check has ended: the results in
 * order with the texts the lines would show (in the same language), and the counts.
 */
export function jsonReport(out: TextOutput, scrub: (text: string) => string): DoctorReport {
  return collecting(
    () => undefined,
    () => undefined,
    (results) => {
      const document: DoctorJson = {
        ok: count(results, 'fail') === 0,
        passed: count(results, 'ok') + count(results, 'warn'),
        warned: count(results, 'warn'),
        failed: count(results, 'fail'),
        skipped: count(results, 'skip'),
        summary: summaryLine(results),
        checks: results,
      };
      out.write(`${scrub(JSON.stringify(document, null, 2))}\n`);
    },
  );
}
