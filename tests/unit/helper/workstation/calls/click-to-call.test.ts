import { describe, expect, it, vi } from 'vitest';
import type { DialUpdate } from '../../../../../helper/core/helper-api';
import type { AmiFrame } from '../../../../../helper/ami/frame';
import {
  ClickToCall,
  type ClickToCallOptions,
} from '../../../../../helper/workstation/calls/click-to-call';
import {
  PbxRefusedError,
  PbxUnavailableError,
  type DialerPbx,
  type OriginateCommand,
} from '../../../../../helper/workstation/calls/click-to-call/dialer-pbx';
import { CallsConfigError } from '../../../../../helper/workstation/calls/errors';
import { loadSequence } from '../../../../support/helper/workstation/calls/replay';
import { ANSWERED_DIAL_STAGES, dialStages } from '../../../../support/dial-stages';

/** A PBX that answers an Originate by replaying a recorded sequence (or a given list). */
class ScriptedPbx implements DialerPbx {
  readonly commands: OriginateCommand[] = [];
  readonly listeners = new Set<(frame: AmiFrame) => void>();

  constructor(
    private readonly script: readonly AmiFrame[],
    private readonly failure?: Error,
  ) {}

  async originate(command: OriginateCommand): Promise<void> {
    this.commands.push(command);
    if (this.failure !== undefined) throw this.failure;
    setTimeout(() => {
      for (const frame of this.script) for (const listener of this.listeners) listener(frame);
    }, 0);
  }

  onEvent(listener: (frame: AmiFrame) => void, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }
}

function recorded(name: string): AmiFrame[] {
  return loadSequence(name).events.map((e) => e.frame);
}

function options(channelId: string, extra: Partial<ClickToCallOptions> = {}): ClickToCallOptions {
  return {
    channelTemplate: 'PJSIP/{ext}',
    context: 'outbound',
    callerId: '"Courier" <74950000000>',
    ringTimeoutSeconds: 30,
    extensions: () => ['101', '102'],
    newChannelId: () => channelId,
    responseGraceMs: 50,
    ...extra,
  };
}

async function dial(
  pbx: DialerPbx,
  opts: ClickToCallOptions,
  number = '8 (916) 123-45-67',
  extension?: string,
): Promise<DialUpdate[]> {
  const updates: DialUpdate[] = [];
  await new ClickToCall(pbx, opts).dial(
    { number, requestId: 'r1', ...(extension === undefined ? {} : { extension }) },
    (u) => updates.push(u),
    new AbortController().signal,
  );
  return updates;
}

const FAR = { raw: '+79161234567', e164: '+79161234567', dbKey: '79161234567' };

describe('ClickToCall on recorded Asterisk sequences', () => {
  it('operator answers, far end answers: progress in order, one result', async () => {
    const pbx = new ScriptedPbx(recorded('c2c-answered'));
    const announce = vi.fn();
    const updates = await dial(pbx, options('ctc-fixture-1', { announce }));
    expect(dialStages(updates)).toEqual(ANSWERED_DIAL_STAGES);
    expect(updates.at(-1)).toEqual({
      type: 'dial.result',
      id: 'r1',
      ok: true,
      outcome: 'connected',
    });
    expect(updates[0]).toEqual({
      type: 'dial.progress',
      id: 'r1',
      stage: 'accepted',
      extension: '101',
      remote: FAR,
      callId: 'ctc-fixture-1',
    });
    expect(pbx.commands).toEqual([
      {
        channel: 'PJSIP/101',
        context: 'outbound',
        exten: '+79161234567',
        callerId: { name: 'Courier', number: '74950000000' },
        timeoutMs: 30_000,
        channelId: 'ctc-fixture-1',
      },
    ]);
    expect(announce).toHaveBeenCalledWith('ctc-fixture-1', '101', '+79161234567');
    expect(pbx.listeners.size).toBe(0);
  });

  it("operator's phone busy → busy, leg you", async () => {
    const updates = await dial(
      new ScriptedPbx(recorded('c2c-operator-busy')),
      options('ctc-fixture-2'),
    );
    expect(dialStages(updates)).toEqual(['accepted', 'ringing-you', 'ended', 'result:busy']);
    expect(updates.at(-1)).toMatchObject({ ok: false, outcome: 'busy', leg: 'you' });
  });

  it("operator's phone not answering → no-answer, leg you", async () => {
    const updates = await dial(
      new ScriptedPbx(recorded('c2c-operator-noanswer')),
      options('ctc-fixture-3'),
    );
    expect(dialStages(updates)).toEqual(['accepted', 'ringing-you', 'ended', 'result:no-answer']);
    expect(updates.at(-1)).toMatchObject({ outcome: 'no-answer', leg: 'you' });
  });

  it('far end busy → busy, leg remote', async () => {
    const updates = await dial(new ScriptedPbx(recorded('c2c-far-busy')), options('ctc-fixture-4'));
    expect(dialStages(updates)).toEqual([
      'accepted',
      'ringing-you',
      'dialling',
      'ended',
      'result:busy',
    ]);
    expect(updates.at(-1)).toMatchObject({ outcome: 'busy', leg: 'remote' });
  });

  it('ignores events of other calls', async () => {
    const script = [...recorded('direct-answered'), ...recorded('c2c-answered')];
    const updates = await dial(new ScriptedPbx(script), options('ctc-fixture-1'));
    expect(dialStages(updates)).toEqual(ANSWERED_DIAL_STAGES);
  });
});

describe('ClickToCall refusals and failures', () => {
  it('refuses what is not a number without sending anything', async () => {
    for (const number of ['hello', '123\r\nAction: Command', '+7 916 123']) {
      const pbx = new ScriptedPbx([]);
      const updates = await dial(pbx, options('ctc-x'), number);
      expect(updates).toEqual([
        expect.objectContaining({ type: 'dial.result', ok: false, outcome: 'invalid-number' }),
      ]);
      expect(pbx.commands).toEqual([]);
    }
  });

  it("refuses an extension that is not the operator's", async () => {
    const pbx = new ScriptedPbx([]);
    const updates = await dial(pbx, options('ctc-x'), '79161234567', '103');
    expect(updates).toEqual([expect.objectContaining({ outcome: 'failed' })]);
    expect(pbx.commands).toEqual([]);
  });

  it('PBX down → pbx-unavailable; refused → pbx-refused', async () => {
    const down = await dial(
      new ScriptedPbx([], new PbxUnavailableError('not connected')),
      options('ctc-x'),
    );
    expect(dialStages(down)).toEqual(['accepted', 'result:pbx-unavailable']);
    const refused = await dial(
      new ScriptedPbx([], new PbxRefusedError('Permission denied')),
      options('ctc-x'),
    );
    expect(dialStages(refused)).toEqual(['accepted', 'result:pbx-refused']);
  });

  it('an OriginateResponse failure without channel events decides after a grace period', async () => {
    const response: AmiFrame = {
      Event: 'OriginateResponse',
      Response: 'Failure',
      Channel: 'PJSIP/101',
      Reason: '0',
      Uniqueid: 'ctc-lonely',
    };
    const updates = await dial(new ScriptedPbx([response, response]), options('ctc-lonely'));
    expect(dialStages(updates)).toEqual(['accepted', 'result:failed']);
    expect(updates.at(-1)).toMatchObject({ leg: 'you' });
    expect((updates.at(-1) as { message: string }).message).toMatch(/extension 101/);
  });

  it('settles when the request is withdrawn, with one result', async () => {
    const pbx = new ScriptedPbx(recorded('c2c-operator-noanswer').slice(0, 3));
    const controller = new AbortController();
    const updates: DialUpdate[] = [];
    const running = new ClickToCall(pbx, options('ctc-fixture-3')).dial(
      { number: '79161234567', requestId: 'r9' },
      (u) => updates.push(u),
      controller.signal,
    );
    await vi.waitFor(() => expect(dialStages(updates)).toContain('ringing-you'));
    controller.abort();
    await running;
    expect(dialStages(updates)).toEqual(['accepted', 'ringing-you', 'ended', 'result:failed']);
    expect(pbx.listeners.size).toBe(0);
  });
});

describe('ClickToCall number forms and configuration', () => {
  it.each([
    ['e164', '+79161234567'],
    ['digits', '79161234567'],
    ['national', '89161234567'],
  ] as const)('dial format %s sends %s', async (dialFormat, exten) => {
    const pbx = new ScriptedPbx([], new PbxUnavailableError('x'));
    await dial(pbx, options('ctc-x', { dialFormat }), '+7 916 123-45-67');
    expect(pbx.commands[0]!.exten).toBe(exten);
  });

  it('dials an internal extension as it is, from the requested phone', async () => {
    const pbx = new ScriptedPbx([], new PbxUnavailableError('x'));
    const updates = await dial(pbx, options('ctc-x'), '103', '102');
    expect(pbx.commands[0]).toMatchObject({ channel: 'PJSIP/102', exten: '103' });
    expect(updates[0]).toMatchObject({ stage: 'accepted', remote: { raw: '103' } });
  });

  it('refuses configurations it cannot dial with', () => {
    const pbx = new ScriptedPbx([]);
    expect(() => new ClickToCall(pbx, options('x', { channelTemplate: 'PJSIP/101' }))).toThrow(
      CallsConfigError,
    );
    expect(() => new ClickToCall(pbx, options('x', { callerId: 'Courier' }))).toThrow(
      /not a caller ID/,
    );
    expect(() => new ClickToCall(pbx, options('x', { ringTimeoutSeconds: 0 }))).toThrow(
      CallsConfigError,
    );
    expect(() => new ClickToCall(pbx, options('x', { defaultCountry: 'XX' as never }))).toThrow(
      /not a country code/,
    );
  });
});
