import type { CallView, TransferState } from '../../../shared/protocol';
import { AmiClient } from '../../../helper/ami/client';
import { CallHub } from '../../../helper/workstation/hub/call-hub';
import { MemoryJournal } from '../../../helper/core/journal-reader';
import { ClickToCall } from '../../../helper/workstation/calls/click-to-call';
import { createAmiDialerPbx } from '../../../helper/workstation/calls/ami-dialer-pbx';
import { CallTracker } from '../../../helper/workstation/calls/tracker';
import type { CallUpdate } from '../../../helper/workstation/calls/types';
import { DEFAULTS } from '../../../helper/config/defaults';
import type { RetryPolicy } from '../../../helper/journal/retry-delay';
import {
  startCallJournal,
  type RunningCallJournal,
} from '../../../helper/journal/start-call-journal';
import { createMysqlDirectory } from '../../../helper/lookup/mysql-caller-lookup';
import { RecordingIndex } from '../../../helper/workstation/recording/recording-index';
import { CallController } from '../../../helper/workstation/call-control/call-controller';
import {
  DEFAULT_TRANSFER_SETTINGS,
  type TransferSettings,
} from '../../../helper/config/transfer-settings';

/** The services of the test harness this helper talks to (serializable for a child process). */
export interface LiveServices {
  readonly mariadb: {
    readonly host: string;
    readonly port: number;
    readonly database: string;
    readonly readOnly: { readonly user: string; readonly password: string };
  };
  readonly asterisk: {
    readonly amiHost: string;
    readonly amiPort: number;
    readonly accounts: { readonly helper: { readonly username: string; readonly secret: string } };
  };
}

export interface LiveHelperOptions {
  readonly services: LiveServices;
  readonly stateDir: string;
  readonly extensions: readonly string[];
  readonly journalAccount: { readonly user: string; readonly password: string };
  readonly retry?: Partial<RetryPolicy>;
  readonly transfer?: Partial<TransferSettings>;
  readonly recordingTemplate?: string;
}

/**
 * The helper's real call path, wired the way the running helper wires it: the AMI client
 * feeds the recording index and the tracker, the tracker feeds the hub, the hub feeds the
 * journal (every update to the in-progress file, every end as an entry), and after each
 * login the calls in progress are resynced — after the first one, calls that ended while
 * the helper was down are journaled from what was saved.
 */
export interface LiveHelper {
  readonly hub: CallHub;
  readonly ami: AmiClient;
  readonly journal: RunningCallJournal;
  readonly recordings: RecordingIndex;
  /** Hang-up and transfers as the card asks them, wired to the hub and the journal. */
  readonly callControl: CallController;
  readonly clickToCall: ClickToCall;
  /** Every view the hub pushed, in order. */
  readonly views: CallView[];
  /** Every transfer asked from the card, as the card shows its outcome. */
  readonly transfers: { call: CallView; state: TransferState }[];
  /** Resolves after the first resync with the PBX and the recovery that follows it. */
  readonly ready: Promise<{ recovered: number }>;
  stop(): Promise<void>;
}

export async function startLiveHelper(options: LiveHelperOptions): Promise<LiveHelper> {
  const controller = new AbortController();
  const { signal } = controller;
  const { mariadb, asterisk } = options.services;
  const extensions = [...options.extensions];
  const database = {
    ...DEFAULTS.database,
    host: mariadb.host,
    port: mariadb.port,
    user: mariadb.readOnly.user,
    password: mariadb.readOnly.password,
    database: mariadb.database,
  };
  const directory = createMysqlDirectory({
    database,
    lookup: DEFAULTS.lookup,
    links: DEFAULTS.links,
    phone: DEFAULTS.phone,
  });
  const recordings = new RecordingIndex({
    urlTemplate: options.recordingTemplate ?? 'https://pbx.test/recordings/{date}/{basename}',
  });
  const hub: CallHub = new CallHub({
    resolver: { lookup: (dbKey, lookupSignal) => directory.lookup.lookup(dbKey, lookupSignal) },
  });
  const journal = await startCallJournal({
    settings: { enabled: true, ...options.journalAccount, spoolDir: '' },
    database: { host: mariadb.host, port: mariadb.port, database: mariadb.database },
    stateDir: options.stateDir,
    extensions: () => extensions,
    recordings,
    resolver: { lookup: (dbKey, lookupSignal) => directory.lookup.lookup(dbKey, lookupSignal) },
    fallback: new MemoryJournal(() => hub.recentCalls()),
    ...(options.retry ? { retry: options.retry } : {}),
    signal,
  });
  hub.subscribeEnded((view) => journal.journal.ended(view), signal);
  const views: CallView[] = [];
  hub.subscribe((message) => {
    if (message.type !== 'call') return;
    views.push(message.call);
    journal.journal.observe(message.call);
  }, signal);

  const ami = new AmiClient({
    host: asterisk.amiHost,
    port: asterisk.amiPort,
    username: asterisk.accounts.helper.username,
    secret: asterisk.accounts.helper.secret,
    reconnect: { initialDelayMs: 200, maxDelayMs: 1_000 },
    signal,
  });
  const tracker = new CallTracker({ extensions });
  const publish = (updates: readonly CallUpdate[]): void => {
    for (const update of updates) hub.update(update.view);
  };
  ami.on(
    'event',
    (frame) => {
      recordings.observe(frame);
      publish(tracker.handle(frame));
    },
    { signal },
  );
  let firstResync: ((value: { recovered: number }) => void) | undefined;
  const ready = new Promise<{ recovered: number }>((resolve) => (firstResync = resolve));
  ami.on(
    'ready',
    () => {
      void ami.coreShowChannels().then(async (snapshots) => {
        publish(tracker.resync(snapshots));
        const resolve = firstResync;
        firstResync = undefined;
        if (resolve) resolve({ recovered: await journal.journal.recover(hub.activeCalls()) });
      });
    },
    { signal },
  );

  const transfers: { call: CallView; state: TransferState }[] = [];
  const callControl = new CallController({
    ami,
    settings: { ...DEFAULT_TRANSFER_SETTINGS, ...options.transfer },
    defaultCountry: 'RU',
    extensions: () => extensions,
    signal,
    onConsult: (call, consult) => hub.setConsult(call.callId, call.extension, consult),
    onTransfer: (call, state) => {
      transfers.push({ call, state });
      hub.setTransfer(call.callId, call.extension, state);
      journal.journal.transferred(call, state);
    },
  });
  const clickToCall = new ClickToCall(createAmiDialerPbx(ami), {
    channelTemplate: 'PJSIP/{ext}',
    context: 'outbound',
    callerId: '74957770000',
    ringTimeoutSeconds: 4,
    extensions: () => extensions,
    announce: (channelId, extension, exten) => tracker.expectOriginate(channelId, extension, exten),
  });
  await ami.start();

  return {
    hub,
    ami,
    journal,
    recordings,
    callControl,
    clickToCall,
    views,
    transfers,
    ready,
    async stop() {
      await journal.journal.settled();
      controller.abort();
      await Promise.allSettled([ami.close(), journal.closed, directory.close()]);
    },
  };
}
