import type { LoadConfigResult } from '../../config/load';
import { admissionProblems } from '../../config/origins';
import { describeExposure, exposedSecretFiles } from '../../config/secret-files';
import type { ConfigProblem } from '../../config/types';
import { tr } from '../../core/cli-text';
import type { MigrationSource } from '../../journal/migration-source';
import type { AmiSessionFactory } from './ami-checks';
import { checkAmi } from './ami-checks';
import { fail, ok, skip } from './check-result';
import type { CheckProgress, CheckResult } from './check-result';
import { checkDatabase } from './database-checks';
import { eventFilterCheck } from './event-filter-check';
import type { DoctorDatabaseFactory } from './doctor-database';
import { checkJournal } from './journal-checks';
import { checkPairing, PAIRING_CHECK } from './pairing-check';
import { checkPort, PORT_CHECK } from './port-check';
import { seatAccount } from './seat-account-check';
import { featureCodesCheck, outsideNumbersCheck } from './call-control-checks';
import { transferContextChecks } from './transfer-context-checks';
import './russian';

export interface DoctorOptions {
  config: LoadConfigResult;
  /** Told when each check starts and ends. */
  progress: CheckProgress;
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
      fail(tr`config ${problem.key}`, problem.message, problem.fix),
    );
  }
  const { file } = result.config.paths;
  if (file === null) {
    return [
      fail(
        tr`config file`,
        tr`none found, so the helper would start in demo mode`,
        tr`create the configuration from config/helper.example.toml at the default location, or pass --config PATH`,
      ),
    ];
  }
  const warnings = result.warnings.map((warning) =>
    fail(tr`environment ${warning.key}`, warning.message, warning.fix),
  );
  const admitted = result.config.websocket.allowedOrigins;
  const admission = admissionProblems(admitted).map((problem) =>
    fail(tr`config websocket.allowedOrigins`, problem.message, problem.fix),
  );
  return [
    ok(tr`config`, tr`${file} is valid (mode ${result.config.mode})`),
    ...warnings,
    ...(admission.length > 0
      ? admission
      : [ok(tr`extensions admitted`, admitted.map((origin) => `"${origin}"`).join(', '))]),
  ];
}

/** Sections with a configuration problem; their checks would only repeat it. */
function blockedSections(result: LoadConfigResult): Set<string> {
  if (result.ok) return new Set();
  return new Set(result.problems.map((problem) => problem.key.split('.')[0] ?? problem.key));
}

function skipReason(blocker: string): string {
  return blocker === 'demo'
    ? tr`not used in mode "demo"`
    : tr`fix the [${blocker}] problems above first`;
}

/**
 * Checks every part the helper depends on, telling `progress` as each check starts and
 * ends, and resolves with every result in order.
 */
export async function runDoctor(options: DoctorOptions): Promise<readonly CheckResult[]> {
  const results: CheckResult[] = [];
  const emit = (batch: readonly CheckResult[]): void => {
    for (const result of batch) results.push(options.progress.end(result));
  };
  emit(configResults(options.config));
  emit(
    exposedSecretFiles(options.config).map((exposure) =>
      fail(tr`secret file permissions`, describeExposure(exposure), exposure.fix),
    ),
  );
  const config = options.config.ok ? options.config.config : options.config.partial;
  if (!config || config.paths.file === null) {
    emit([skip(tr`PBX, database and port checks`, tr`need a configuration file`)]);
    return results;
  }
  const { progress } = options;
  const blocked = blockedSections(options.config);
  const blockedBy = (sections: string[]): string | undefined =>
    sections.find((section) => blocked.has(section));
  const demo = config.mode === 'demo';
  const pbx = demo ? 'demo' : blockedBy(['pbx']);
  const transfer = blockedBy(['transfer']);
  const seat = pbx ? undefined : await seatAccount(config, options.database, progress);
  if (seat) emit(seat.results);
  if (pbx) emit([skip(tr`AMI checks`, skipReason(pbx))]);
  else if (!seat?.pbx) emit([skip(tr`AMI checks`, tr`need the seat's account name`)]);
  else {
    const after = [
      eventFilterCheck(seat.extensions[0]),
      ...(transfer ? [] : [transferContextChecks(config.transfer)]),
      featureCodesCheck(),
    ];
    emit(await checkAmi(seat.pbx, options.signal, options.amiSession, after, progress));
  }
  if (transfer && !pbx) emit([skip(tr`transfer contexts`, skipReason(transfer))]);
  if (!pbx && !transfer) emit([outsideNumbersCheck(config.transfer)]);
  const database = demo ? 'demo' : blockedBy(['database', 'lookup', 'operator']);
  if (database) emit([skip(tr`database checks`, skipReason(database))]);
  else emit(await checkDatabase(config, options.database, progress));
  const journal = demo ? 'demo' : blockedBy(['database', 'journal']);
  if (journal) emit([skip(tr`journal checks`, skipReason(journal))]);
  else {
    emit(
      await checkJournal(
        config,
        { database: options.database, migrations: options.migrations },
        progress,
      ),
    );
  }
  const port = blockedBy(['websocket']);
  if (port) emit([skip(PORT_CHECK(), skipReason(port))]);
  else {
    progress.start(PORT_CHECK());
    emit([await checkPort(config.paths.stateDir, config.websocket.port)]);
    progress.start(PAIRING_CHECK());
    emit([await checkPairing(config.paths.stateDir, config.websocket.pairingSecret)]);
  }
  return results;
}
