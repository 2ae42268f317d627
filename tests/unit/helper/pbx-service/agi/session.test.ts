import { describe, expect, it } from 'vitest';
import { channelVariable, numberValue } from '../../../../../helper/pbx-service/agi/channel-value';
import { environmentOf } from '../../../../../helper/pbx-service/agi/environment';
import {
  AgiBusyError,
  AgiCommandError,
  AgiHangupError,
  AgiTimeoutError,
} from '../../../../../helper/pbx-service/agi/errors';
import { AgiSession } from '../../../../../helper/pbx-service/agi/session';

function sessionWith(commandTimeoutMs = 5_000): {
  session: AgiSession;
  written: string[];
  ended: () => boolean;
} {
  const written: string[] = [];
  let ended = false;
  const session = new AgiSession(
    environmentOf({ network_script: 'route_call', uniqueid: '1.1' }),
    { remoteAddress: '127.0.0.1', write: (text) => written.push(text), end: () => (ended = true) },
    { commandTimeoutMs },
  );
  return { session, written, ended: () => ended };
}

const NAME = channelVariable('CT_ROUTE_TARGETS');
const VALUE = numberValue('101', 'x');
const OK = { code: 200, result: '1', data: undefined, text: 'result=1' };

describe('AgiSession', () => {
  it('sends one command at a time and waits for each answer', async () => {
    const { session, written } = sessionWith();
    const done = session.setVariables([
      [NAME, VALUE],
      [channelVariable('CT_ROUTE_KIND'), VALUE],
    ]);
    await Promise.resolve();
    expect(written).toEqual(['SET VARIABLE CT_ROUTE_TARGETS "101"\n']);
    session.receiveReply(OK);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written).toHaveLength(2);
    session.receiveReply(OK);
    await done;
  });

  it('refuses a second command while one waits', async () => {
    const { session } = sessionWith();
    const first = session.setVariable(NAME, VALUE);
    await expect(session.setVariable(NAME, VALUE)).rejects.toThrow(AgiBusyError);
    session.receiveReply(OK);
    await first;
  });

  it('rejects a refusal by the PBX', async () => {
    const { session } = sessionWith();
    const pending = session.setVariable(NAME, VALUE);
    session.receiveReply({
      code: 511,
      result: '',
      data: undefined,
      text: 'Command Not Permitted on a dead channel',
    });
    await expect(pending).rejects.toThrow(AgiCommandError);
  });

  it('rejects what waits when the connection closes, and everything after', async () => {
    const { session } = sessionWith();
    const pending = session.setVariable(NAME, VALUE);
    session.receiveClose();
    await expect(pending).rejects.toThrow(AgiHangupError);
    await expect(session.setVariable(NAME, VALUE)).rejects.toThrow(AgiHangupError);
  });

  it('gives up on a command the PBX never answers and ends the session', async () => {
    const { session, ended } = sessionWith(20);
    await expect(session.setVariable(NAME, VALUE)).rejects.toThrow(AgiTimeoutError);
    expect(ended()).toBe(true);
  });
});
