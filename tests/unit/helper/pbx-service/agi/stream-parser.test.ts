import { describe, expect, it } from 'vitest';
import { AgiProtocolError } from '../../../../../helper/pbx-service/agi/errors';
import {
  AgiStreamParser,
  type AgiStreamEvent,
} from '../../../../../helper/pbx-service/agi/stream-parser';

const ENVIRONMENT =
  'agi_network: yes\n' +
  'agi_network_script: route_call?source=trunk\n' +
  'agi_request: agi://10.0.0.20:4573/route_call?source=trunk\n' +
  'agi_channel: PJSIP/trunk-0000001c\n' +
  'agi_uniqueid: 1718012345.101\n' +
  'agi_callerid: 79161234567\n' +
  'agi_calleridname: Иванов Пётр\n' +
  'agi_context: courier-route\n' +
  'agi_extension: s\n' +
  'agi_arg_1: +79161234567\n' +
  'agi_arg_2: kind=route\n' +
  '\n';

function feedAll(parser: AgiStreamParser, text: string | Buffer): AgiStreamEvent[] {
  return parser.feed(text);
}

describe('AgiStreamParser', () => {
  it('reads the opening block into the environment', () => {
    const [event] = feedAll(new AgiStreamParser(), ENVIRONMENT);
    expect(event?.type).toBe('environment');
    const environment = event?.type === 'environment' ? event.environment : undefined;
    expect(environment).toMatchObject({
      script: 'route_call',
      uniqueid: '1718012345.101',
      channel: 'PJSIP/trunk-0000001c',
      callerId: '79161234567',
      context: 'courier-route',
      extension: 's',
      args: ['+79161234567', 'kind=route'],
    });
    expect(environment?.fields['calleridname']).toBe('Иванов Пётр');
  });

  it('gives the same events when the bytes are split anywhere, UTF-8 and CRLF included', () => {
    const stream = Buffer.from(
      `${ENVIRONMENT.replace(/\n/g, '\r\n')}200 result=1\r\nHANGUP\r\n`,
      'utf8',
    );
    const whole = feedAll(new AgiStreamParser(), stream);
    for (let cut = 0; cut <= stream.length; cut += 1) {
      const parser = new AgiStreamParser();
      const events = [
        ...parser.feed(stream.subarray(0, cut)),
        ...parser.feed(stream.subarray(cut)),
      ];
      expect(events, `split at ${cut}`).toEqual(whole);
    }
    expect(whole.map((event) => event.type)).toEqual(['environment', 'reply', 'hangup']);
  });

  it('reads replies with results and data', () => {
    const parser = new AgiStreamParser();
    parser.feed(ENVIRONMENT);
    const events = parser.feed(
      '200 result=1\n200 result=0 (timeout)\n510 Invalid or unknown command\n',
    );
    expect(events).toEqual([
      { type: 'reply', reply: { code: 200, result: '1', data: undefined, text: 'result=1' } },
      {
        type: 'reply',
        reply: { code: 200, result: '0', data: 'timeout', text: 'result=0 (timeout)' },
      },
      {
        type: 'reply',
        reply: { code: 510, result: '', data: undefined, text: 'Invalid or unknown command' },
      },
    ]);
  });

  it('folds the multi-line 520 usage answer into one reply', () => {
    const parser = new AgiStreamParser();
    parser.feed(ENVIRONMENT);
    const events = parser.feed(
      '520-Invalid command syntax.  Proper usage follows:\n Usage: SET VARIABLE <variablename> <value>\n520 End of proper usage.\n',
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'reply', reply: { code: 520 } });
  });

  it('refuses a 520 usage answer that never ends, line by short line', () => {
    const parser = new AgiStreamParser();
    parser.feed(ENVIRONMENT);
    parser.feed('520-Invalid command syntax.  Proper usage follows:\n');
    const line = `${'u'.repeat(60)}\n`;
    expect(() => {
      for (let i = 0; i < 1_000; i++) parser.feed(line);
    }).toThrow(/520 usage answer exceeds 32768 characters/);
  });

  it('refuses a block line that is not agi_*, a reply without code, and endless lines', () => {
    expect(() => new AgiStreamParser().feed('GET / HTTP/1.1\n')).toThrow(AgiProtocolError);
    const parser = new AgiStreamParser();
    parser.feed(ENVIRONMENT);
    expect(() => parser.feed('hello\n')).toThrow(AgiProtocolError);
    expect(() => new AgiStreamParser({ maxLineChars: 100 }).feed('a'.repeat(101))).toThrow(
      AgiProtocolError,
    );
    expect(() =>
      new AgiStreamParser({ maxEnvironmentChars: 200 }).feed(`${'agi_x: y\n'.repeat(40)}`),
    ).toThrow(AgiProtocolError);
  });

  it('takes the script from the request URI when agi_network_script is absent', () => {
    const [event] = new AgiStreamParser().feed(
      'agi_request: agi://127.0.0.1/feedback?x=1\nagi_uniqueid: 1.2\n\n',
    );
    expect(event?.type === 'environment' && event.environment.script).toBe('feedback');
  });
});
