import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AmiClient, AmiClientEvents } from '../../../../../helper/ami/client';
import { AmiLoginError } from '../../../../../helper/ami/errors';
import type { AmiFrame } from '../../../../../helper/ami/frame';
import type { AmiStateChange } from '../../../../../helper/ami/state';
import { ConfigError } from '../../../../../helper/config/config-error';
import { CallHub } from '../../../../../helper/workstation/hub/call-hub';
import { recoverAfterFirstResync } from '../../../../../helper/workstation/app/helper-journal';
import { followPbx } from '../../../../../helper/workstation/app/pbx-session';
import { StatusBoard } from '../../../../../helper/workstation/hub/status-board';
import { CallTracker } from '../../../../../helper/workstation/calls/tracker';
import type { CallJournal } from '../../../../../helper/journal/call-journal';
import type { CallView } from '../../../../../shared/protocol';

/** The part of the AMI client the session listens to, driven by the test. */
class FakeAmi {
  private readonly listeners: { [K in keyof AmiClientEvents]: AmiClientEvents[K][] } = {
    event: [],
    state: [],
    ready: [],
  };
  resyncs = 0;

  on<K extends keyof AmiClientEvents>(
    name: K,
    listener: AmiClientEvents[K],
    options: { signal: AbortSignal },
  ): void {
    this.listeners[name].push(listener);
    options.signal.addEventListener('abort', () => {
      this.listeners[name] = this.listeners[name].filter((l) => l !== listener) as never;
    });
  }

  async coreShowChannels() {
    this.resyncs += 1;
    return [];
  }

  emitReady(reconnected: boolean): void {
    for (const listener of this.listeners.ready) listener({ reconnected });
  }

  emitState(change: AmiStateChange): void {
    for (const listener of this.listeners.state) listener(change);
  }

  emitEvent(frame: AmiFrame): void {
    for (const listener of this.listeners.event) listener(frame);
  }
}

const silent = pino({ level: 'silent' });

function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('followPbx', () => {
  let controller: AbortController;
  let ami: FakeAmi;
  let hub: CallHub;
  let resyncs: { reconnected: boolean }[];
  let frames: AmiFrame[];
  let status: StatusBoard;

  beforeEach(() => {
    controller = new AbortController();
    ami = new FakeAmi();
    hub = new CallHub({ resolver: { lookup: async () => ({ state: 'unavailable', reason: '' }) } });
    status = new StatusBoard(
      {
        helperVersion: '0.0.0',
        pbx: { state: 'connecting', since: 0 },
        database: { state: 'connecting', since: 0 },
        operator: { extensions: ['101'] },
        demo: false,
      },
      () => undefined,
      () => 0,
    );
    resyncs = [];
    frames = [];
    followPbx(
      {
        ami: ami as unknown as AmiClient,
        tracker: new CallTracker({ extensions: ['101'] }),
        hub,
        status,
        logger: silent,
        onFrame: (frame) => frames.push(frame),
        onResync: (info) => resyncs.push(info),
      },
      controller.signal,
    );
  });

  afterEach(() => controller.abort());

  it('says when each login has been resynchronised', async () => {
    ami.emitReady(false);
    await settle();
    expect(ami.resyncs).toBe(1);
    expect(resyncs).toEqual([{ reconnected: false }]);
    ami.emitReady(true);
    await settle();
    expect(resyncs).toEqual([{ reconnected: false }, { reconnected: true }]);
  });

  it('shows a refused login as auth-failed, and a seat without an account name as its configuration problem', () => {
    ami.emitState({
      from: 'authenticating',
      to: 'auth-failed',
      error: new AmiLoginError('courier-101', 'Authentication failed'),
    });
    expect(status.get().pbx).toMatchObject({
      state: 'auth-failed',
      reason: expect.stringContaining('check pbx.user and pbx.secret'),
    });
    const problem = {
      key: 'pbx.user',
      message:
        'uses {ext}, but this seat has 2 extensions (101,102) and one account serves one seat',
      fix: 'set pbx.user for this seat to its account name',
    };
    ami.emitState({
      from: 'connecting',
      to: 'auth-failed',
      error: new ConfigError([problem], '/etc/courier/helper.toml'),
    });
    expect(status.get().pbx).toMatchObject({
      state: 'auth-failed',
      reason: `pbx.user: ${problem.message}. Fix: ${problem.fix}`,
    });
  });

  it('shows every frame to onFrame', () => {
    const frame = {
      Event: 'VarSet',
      Variable: 'MIXMONITOR_FILENAME',
      Value: '/var/spool/asterisk/monitor/in.wav',
    } as AmiFrame;
    ami.emitEvent(frame);
    expect(frames).toEqual([frame]);
  });
});

describe('recoverAfterFirstResync', () => {
  it('journals the calls of the previous run once, against the calls going on now', async () => {
    const asked: (readonly Pick<CallView, 'callId' | 'extension'>[])[] = [];
    const journal = {
      recover: async (inProgress: readonly Pick<CallView, 'callId' | 'extension'>[]) => {
        asked.push(inProgress);
        return 1;
      },
    } as unknown as CallJournal;
    const active = [{ callId: 'c1', extension: '101' }] as CallView[];
    const hook = recoverAfterFirstResync(journal, () => active, silent);
    hook();
    hook();
    await settle();
    expect(asked).toEqual([active]);
  });

  it('logs a failed recovery instead of throwing', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const journal = {
      recover: async () => {
        throw new Error('spool unreadable');
      },
    } as unknown as CallJournal;
    recoverAfterFirstResync(journal, () => [], logger)();
    await settle();
    expect(lines.join('')).toContain('journaling the calls of the previous run failed');
  });
});
