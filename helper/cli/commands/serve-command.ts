import { join } from 'node:path';
import { applyEnvOverrides } from '../../config/env-overrides';
import type { LoadConfigResult } from '../../config/load';
import { formatProblems } from '../../config/config-error';
import { describeExposure, exposedSecretFiles } from '../../config/secret-files';
import { isAccountTemplate } from '../../config/seat-account';
import type { ConfigProblem, HelperConfig } from '../../config/types';
import type { ServeConfig } from '../../pbx-service/server/run-serve-command';
import type { ServiceLogger } from '../../pbx-service/agi/logger';
import { type CliIo, EXIT } from '../../core/cli-io';
import { loadCliConfig } from '../load-cli-config';
import { runLocked } from '../run-locked';
import type { CommandLine } from '../parse-command-line';
import { tr } from '../../core/cli-text';
import { letYoungGenerationGrow } from '../../core/young-generation';

export type RunServe = (
  config: ServeConfig,
  logger: ServiceLogger,
  signal: AbortSignal,
) => Promise<void>;

/** Beside the workstation helper's lock, so one `serve` runs per state folder and spool. */
export const SERVE_PID_FILE_NAME = 'serve.pid';

/** Sections `serve` reads; the workstation's own (operator, websocket, lookup…) do not stop it. */
const SERVE_SECTIONS = new Set([
  '(file)',
  'mode',
  'database',
  'phone',
  'journal',
  'log',
  'server',
  'routing',
  'callbacks',
]);

function concernsServe(problem: ConfigProblem, endpointOn: boolean): boolean {
  const section = problem.key.split('.')[0] ?? problem.key;
  return SERVE_SECTIONS.has(section) || (endpointOn && section === 'pbx');
}

/** What `serve` needs that a workstation configuration may leave out. */
function missingForServe(config: HelperConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const need = (key: string, value: string, fix: string): void => {
    if (value === '') problems.push({ key, message: tr`is required by serve`, fix });
  };
  need(
    'database.host',
    config.database.host,
    tr`set database.host to the courier database server the lookups read`,
  );
  need('database.user', config.database.user, tr`set database.user to the read-only account`);
  if (config.server.httpTokens.length > 0) {
    const why = tr`callbacks (server.httpTokens is set) ring through AMI`;
    need('pbx.host', config.pbx.host, tr`set pbx.host to the PBX address: ${why}`);
    need('pbx.user', config.pbx.user, tr`set pbx.user to the AMI account of serve: ${why}`);
    if (isAccountTemplate(config.pbx.user)) {
      problems.push({
        key: 'pbx.user',
        message: tr`is a seat's account template, and serve is no seat`,
        fix: tr`set pbx.user to the AMI account of serve: ${why}`,
      });
    }
    need(
      'pbx.secret',
      config.pbx.secret,
      tr`set pbx.secret, or COURIER_PBX_SECRET, to that account's secret: ${why}`,
    );
  }
  return problems;
}

type Checked = { ok: true; config: HelperConfig } | { ok: false; problems: ConfigProblem[] };

/** The loaded configuration judged by what `serve` reads, every problem at once. */
export function checkServeConfig(loaded: LoadConfigResult): Checked {
  const config = loaded.ok ? loaded.config : loaded.partial;
  if (config === undefined) return { ok: false, problems: loaded.ok ? [] : loaded.problems };
  if (config.paths.file === null) {
    return {
      ok: false,
      problems: [
        {
          key: '(file)',
          message: tr`no configuration file was found, and serve has no demo mode`,
          fix: tr`pass --config with a file holding [database], [journal] and [server] (see config/helper.example.toml)`,
        },
      ],
    };
  }
  const endpointOn = config.server.httpTokens.length > 0;
  const reported = loaded.ok ? [] : loaded.problems.filter((p) => concernsServe(p, endpointOn));
  const problems = [
    ...reported,
    ...missingForServe(config).filter((missing) => !reported.some((p) => p.key === missing.key)),
  ];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

/** The sections `serve` runs on, `[routing]` and `[callbacks]` back inside the server settings. */
export function serveConfigOf(config: HelperConfig): ServeConfig {
  return {
    pbx: config.pbx,
    database: config.database,
    phone: config.phone,
    journal: config.journal,
    server: { ...config.server, routing: config.routing, callbacks: config.callbacks },
    paths: { stateDir: config.paths.stateDir },
  };
}

/** Loaded only by `serve`, so the other commands start without the PBX-side service. */
async function defaultRunServe(): Promise<RunServe> {
  const { runServeCommand } = await import('../../pbx-service/server/run-serve-command');
  return runServeCommand;
}

/**
 * `serve`: the PBX-side role, on one server near the PBX. Validates what it reads, takes the
 * lock of its state folder, then answers FastAGI (and the callback endpoint) until
 * SIGINT/SIGTERM.
 */
export async function serveCommand(
  line: CommandLine,
  io: CliIo,
  runServe?: RunServe,
): Promise<number> {
  letYoungGenerationGrow();
  const loaded = loadCliConfig(line, io);
  const checked = checkServeConfig(loaded);
  if (!checked.ok) {
    io.stderr.write(
      `${tr`Cannot serve: change these first:`}\n${formatProblems(checked.problems)}\n`,
    );
    return EXIT.failed;
  }
  const { config } = checked;
  return runLocked(
    {
      config,
      lockFile: join(config.paths.stateDir, SERVE_PID_FILE_NAME),
      name: 'PBX-side service',
    },
    io,
    async (logger) => {
      // Taken from the environment alone: a configuration with workstation-only problems has none.
      for (const warning of applyEnvOverrides({}, io.env).warnings) {
        logger.warn({ variable: warning.key }, `${warning.message}: ${warning.fix}`);
      }
      for (const exposure of exposedSecretFiles(loaded)) {
        logger.warn({ file: exposure.file }, `${describeExposure(exposure)}: run ${exposure.fix}`);
      }
      logger.info({ file: config.paths.file }, 'PBX-side service starting');
      const serve = runServe ?? (await defaultRunServe());
      await serve(serveConfigOf(config), logger, io.signal);
    },
  );
}
