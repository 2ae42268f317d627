import type { LoadConfigResult } from '../../config/load';
import { admissionProblems } from '../../config/origins';
import { describeExposure, exposedSecretFiles } from '../../config/secret-files';
import type { ConfigProblem } from '../../config/types';
import type { MigrationSource } from '../../journal/migration-source';
import { configSecrets } from '../../log/logger-for-config';
import { createScrubber } from '../../log/scrub';
import type { AmiSessionFactory } from './ami-checks';
import { checkAmi } from './ami-checks';
import { fail, ok, skip } from './check-result';
import type { CheckResult } from './check-result';
import { checkDatabase } from './database-checks';
import { eventFilterCheck } from './event-filter-check';
import type { DoctorDatabaseFactory } from './doctor-database';
import { checkJournal } from './journal-checks';
import { checkPortFree } from './port-check';
import { transferContextChecks } from './transfer-context-checks';
import { formatResult, summaryLine } from './report';

export interface DoctorOptions {
  config: LoadConfigResult;
  /** Where the report goes, one line per call. */
  print: (line: string) => void;
  signal: AbortSignal;
  /** Seams for tests; the real AMI client and mysql2 pool by default. */
  amiSession?: AmiSessionFactory;
  /** Opens the lookup account and the journal account. */
  database?: DoctorDatabaseFactory;
  /** The journal migrations this helper carries. */
  migrations?: MigrationSource;
}

function configResults(result: LoadConfigResult): CheckResult[] {
  if (!result.ok) {
    return result.problems.map((problem: ConfigProblem) =>
      fail(`config ${problem.key}`, problem.message, problem.fix),
    );
  }
  const { file } = result.config.paths;
  if (file === null) {
    return [
      fail(
        'config file',
        'none found, so the helper would start in demo mode',
        'create the configuration from config/helper.example.toml at the default location, or pass --config PATH',
      ),
    ];
  }
  const warnings = result.warnings.map((warning) =>
    fail(`environment ${warning.key}`, warning.message, warning.fix),
  );
  const admitted = result.config.websocket.allowedOrigins;
  const admission = admissionProblems(admitted).map((problem) =>
    fail('config websocket.allowedOrigins', problem.message, problem.fix),
  );
  return [
    ok('config', `${file} is valid (mode ${result.config.mode})`),
    ...warnings,
    ...(admission.length > 0
      ? admission
      : [ok('extensions admitted', admitted.map((origin) => `"${origin}"`).join(', '))]),
  ];
}

/** Sections with a configuration problem; their checks would only repeat it. */
function blockedSections(result: LoadConfigResult): Set<string> {
  if (result.ok) return new Set();
  return new Set(result.problems.map((problem) => problem.key.split('.')[0] ?? problem.key));
}

function skipReason(blocker: string): string {
  return blocker.startsWith('mode') ? blocker : `fix the [${blocker}] problems above first`;
}

/**
 * Checks every part the helper depends on and prints one line per check.
 * Resolves with the process exit code: 0 when nothing failed, 1 otherwise.
 */
export async function runDoctor(options: DoctorOptions): Promise<number> {
  const results: CheckResult[] = [];
  const config = options.config.ok ? options.config.config : options.config.partial;
  const scrub = createScrubber(config ? configSecrets(config) : []);
  const emit = (batch: CheckResult[]): void => {
    for (const result of batch) {
      results.push(result);
      options.print(scrub(formatResult(result)));
    }
  };
  emit(configResults(options.config));
  emit(
    exposedSecretFiles(options.config).map((exposure) =>
      fail('secret file permissions', describeExposure(exposure), exposure.fix),
    ),
  );
  if (!config || config.paths.file === null) {
    emit([skip('PBX, database and port checks', 'need a configuration file')]);
  } else {
    const blocked = blockedSections(options.config);
    const blockedBy = (sections: string[]): string | undefined =>
      sections.find((section) => blocked.has(section));
    const demo = config.mode === 'demo';
    const pbx = demo ? 'mode "demo"' : blockedBy(['pbx']);
    const transfer = blockedBy(['transfer']);
    if (pbx) emit([skip('AMI checks', skipReason(pbx))]);
    else {
      const after = [
        eventFilterCheck(config.operator.extensions[0]),
        ...(transfer ? [] : [transferContextChecks(config.transfer)]),
      ];
      emit(await checkAmi(config.pbx, options.signal, options.amiSession, after));
    }
    if (transfer && !pbx) emit([skip('transfer contexts', skipReason(transfer))]);
    const database = demo ? 'mode "demo"' : blockedBy(['database', 'lookup', 'operator']);
    if (database) emit([skip('database checks', skipReason(database))]);
    else emit(await checkDatabase(config, options.database));
    const journal = demo ? 'mode "demo"' : blockedBy(['database', 'journal']);
    if (journal) emit([skip('journal checks', skipReason(journal))]);
    else {
      emit(
        await checkJournal(config, { database: options.database, migrations: options.migrations }),
      );
    }
    const port = blockedBy(['websocket']);
    if (port) emit([skip('WebSocket port free', skipReason(port))]);
    else emit([await checkPortFree(config.websocket.port)]);
  }
  options.print(summaryLine(results));
  return results.some((result) => result.status === 'fail') ? 1 : 0;
}
