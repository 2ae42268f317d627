import { silentLogger } from '../../../helper/pbx-service/agi/logger';
import { MysqlExecutor } from '../../../helper/lookup/mysql-executor';
import type { QueryExecutor } from '../../../helper/lookup/types';
import type { CallbackOriginator } from '../../../helper/pbx-service/callback/callback-originator';
import type { JournalSink } from '../../../helper/pbx-service/callback/journal-sink';
import type {
  FeedbackRecord,
  FeedbackStore,
} from '../../../helper/pbx-service/feedback/feedback-record';
import type { JournalEntry, JournalRecord } from '../../../helper/journal/entry';
import type { RouteDecision } from '../../../helper/pbx-service/routing/route-decision';
import type { RouteContext } from '../../../helper/pbx-service/routing/route-call-handler';
import {
  DEFAULT_SERVER_SETTINGS,
  type ServerSettings,
} from '../../../helper/config/server-settings';
import {
  startPbxService,
  type PbxService,
} from '../../../helper/pbx-service/server/start-pbx-service';
import { connectAmi } from '../ami';
import { harnessInfo } from '../harness-info';
import { DIDS } from '../../../harness/pbx-plan';

/** The company number: its inbound route enters courier-route (harness/asterisk/extensions.conf). */
export const COMPANY_DID = '74957770500';

/** Test settings of the shipped dialplan, as a site would set them as globals. */
export const DIALPLAN_GLOBALS = {
  CT_AGI_HOST: '127.0.0.1',
  // The operators' queue of the test PBX: ring-all over Local/10x@from-queue.
  CT_OPERATORS_CONTEXT: 'from-trunk',
  CT_OPERATORS_EXTEN: DIDS.queue,
  CT_RING_SECONDS: '20',
  CT_FEEDBACK: 'no',
} as const;

export interface RoutedCall {
  readonly decision: RouteDecision;
  readonly context: RouteContext;
}

export interface TestPbxService {
  readonly service: PbxService;
  readonly routed: RoutedCall[];
  readonly journaled: JournalEntry[];
  readonly feedback: FeedbackRecord[];
  close(): Promise<void>;
}

export interface TestPbxServiceOptions {
  readonly settings?: Partial<ServerSettings>;
  readonly lookups?: QueryExecutor;
  readonly journal?: JournalSink;
  readonly feedback?: FeedbackStore;
  readonly originator?: CallbackOriginator;
  /** Globals to set besides DIALPLAN_GLOBALS and the FastAGI port. */
  readonly globals?: Readonly<Record<string, string>>;
}

/** The read-only lookups account on the harness database, as the service uses it. */
export function readOnlyLookups(
  overrides: { port?: number; queryTimeoutMs?: number } = {},
): MysqlExecutor {
  const { mariadb } = harnessInfo();
  return new MysqlExecutor({
    host: mariadb.host,
    port: overrides.port ?? mariadb.port,
    user: mariadb.readOnly.user,
    password: mariadb.readOnly.password,
    database: mariadb.database,
    poolSize: 4,
    queryTimeoutMs: overrides.queryTimeoutMs ?? 2_000,
  });
}

/** Sets dialplan globals on the harness PBX, as `dialplan set global` would. */
export async function setDialplanGlobals(values: Readonly<Record<string, string>>): Promise<void> {
  const admin = await connectAmi('admin');
  try {
    for (const [name, value] of Object.entries(values)) {
      const response = await admin.action({ Action: 'Setvar', Variable: name, Value: value });
      if (response.Response !== 'Success')
        throw new Error(`Setvar ${name} refused: ${response.Message}`);
    }
  } finally {
    await admin.close();
  }
}

/**
 * The PBX-side service on a free port with the harness database, and the harness PBX's
 * dialplan pointed at it. Journal and feedback go to memory unless given.
 */
export async function startTestPbxService(
  options: TestPbxServiceOptions = {},
): Promise<TestPbxService> {
  const routed: RoutedCall[] = [];
  const journaled: JournalEntry[] = [];
  const feedback: FeedbackRecord[] = [];
  const lookups = options.lookups ?? readOnlyLookups();
  const stop = new AbortController();
  const service = await startPbxService({
    settings: {
      ...DEFAULT_SERVER_SETTINGS,
      // The product's 300 ms routing deadline is for a PBX's own database; on a shared,
      // loaded test machine a first lookup on a new pool connection can take longer. The
      // deadline's own test sets it short again.
      routeTimeoutMs: 5_000,
      agiHost: '127.0.0.1',
      agiPort: 0,
      httpPort: 0,
      ...options.settings,
    },
    defaultCountry: 'RU',
    parts: {
      lookups,
      journal: options.journal ?? {
        record: async (record: JournalRecord) => {
          if (record.kind === 'entry') journaled.push(record.entry);
        },
      },
      feedback: options.feedback ?? { save: async (record) => void feedback.push(record) },
      ...(options.originator ? { originator: options.originator } : {}),
    },
    // Warnings are expected here (the outage tests cause them); errors are not.
    logger: { ...silentLogger, error: (details, message) => console.error(message, details) },
    signal: stop.signal,
    onRoute: (decision, context) => routed.push({ decision, context }),
  });
  await setDialplanGlobals({
    ...DIALPLAN_GLOBALS,
    CT_AGI_PORT: String(service.agiPort),
    CT_AGI_SERVERS: `${DIALPLAN_GLOBALS.CT_AGI_HOST}:${service.agiPort}`,
    ...options.globals,
  });
  return {
    service,
    routed,
    journaled,
    feedback,
    async close() {
      stop.abort();
      await service.close();
      await service.settled();
      if (options.lookups === undefined) await lookups.close();
    },
  };
}
