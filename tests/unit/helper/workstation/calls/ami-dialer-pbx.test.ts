import { describe, expect, it } from 'vitest';
import type { AmiClient } from '../../../../../helper/ami/client';
import {
  AmiActionError,
  AmiDisconnectedError,
  AmiPermissionError,
  AmiTimeoutError,
} from '../../../../../helper/ami/errors';
import type { AmiFields } from '../../../../../helper/ami/encode';
import type { AmiFrame } from '../../../../../helper/ami/frame';
import { createAmiDialerPbx } from '../../../../../helper/workstation/calls/ami-dialer-pbx';
import {
  PbxRefusedError,
  PbxUnavailableError,
  type OriginateCommand,
} from '../../../../../helper/workstation/calls/click-to-call/dialer-pbx';

type FakeAmi = Pick<AmiClient, 'action' | 'on'>;

function fakeAmi(fail?: Error): { ami: FakeAmi; sent: AmiFields[]; emit(frame: AmiFrame): void } {
  const sent: AmiFields[] = [];
  let listener: ((frame: AmiFrame) => void) | undefined;
  const ami = {
    action: async (_name: string, fields: AmiFields = {}) => {
      sent.push(fields);
      if (fail !== undefined) throw fail;
      return {
        response: 'Success',
        message: 'Originate successfully queued',
        actionId: 'a1',
        frame: {},
      };
    },
    on: (_event: string, l: (frame: AmiFrame) => void, options?: { signal?: AbortSignal }) => {
      listener = l;
      options?.signal?.addEventListener('abort', () => (listener = undefined));
      return () => undefined;
    },
  } as unknown as FakeAmi;
  return { ami, sent, emit: (frame) => listener?.(frame) };
}

const COMMAND: OriginateCommand = {
  channel: 'PJSIP/101',
  context: 'outbound',
  exten: '+79161234567',
  callerId: { name: 'Courier', number: '74950000000' },
  timeoutMs: 30_000,
  channelId: 'ctc-1',
};

describe('createAmiDialerPbx', () => {
  it('sends an asynchronous Originate carrying the ChannelId', async () => {
    const { ami, sent } = fakeAmi();
    await createAmiDialerPbx(ami).originate(COMMAND, new AbortController().signal);
    expect(sent[0]).toMatchObject({
      Channel: 'PJSIP/101',
      Context: 'outbound',
      Exten: '+79161234567',
      Priority: 1,
      CallerID: '"Courier" <74950000000>',
      Timeout: 30_000,
      Async: true,
      ChannelId: 'ctc-1',
    });
  });

  it('refuses unsafe values before anything is sent', async () => {
    const { ami, sent } = fakeAmi();
    const pbx = createAmiDialerPbx(ami);
    const signal = new AbortController().signal;
    await expect(
      pbx.originate({ ...COMMAND, exten: '+7916\r\nAction: Command' }, signal),
    ).rejects.toThrow(PbxRefusedError);
    await expect(pbx.originate({ ...COMMAND, channelId: 'a b' }, signal)).rejects.toThrow(
      PbxRefusedError,
    );
    expect(sent).toEqual([]);
  });

  it.each([
    [new AmiDisconnectedError('Originate', 'the client is reconnecting'), PbxUnavailableError],
    [new AmiTimeoutError('Originate', 10_000), PbxUnavailableError],
    [new AmiActionError('Originate', 'Extension does not exist.'), PbxRefusedError],
    [new AmiPermissionError('Originate', 'Permission denied', 'originate'), PbxRefusedError],
  ])('maps %s', async (error, expected) => {
    const { ami } = fakeAmi(error);
    await expect(
      createAmiDialerPbx(ami).originate(COMMAND, new AbortController().signal),
    ).rejects.toThrow(expected);
  });

  it('passes events until the signal aborts', () => {
    const { ami, emit } = fakeAmi();
    const seen: AmiFrame[] = [];
    const controller = new AbortController();
    createAmiDialerPbx(ami).onEvent((frame) => seen.push(frame), controller.signal);
    emit({ Event: 'Newchannel' });
    controller.abort();
    emit({ Event: 'Hangup' });
    expect(seen).toEqual([{ Event: 'Newchannel' }]);
  });
});
