import { describe, expect, it } from 'vitest';
import { AmiProtocolError } from '../../../../helper/ami/errors';
import { chanVariables, header, headerValues, type AmiFrame } from '../../../../helper/ami/frame';
import { AmiParser } from '../../../../helper/ami/parser';

const GREETING = 'Asterisk Call Manager/11.0.0\r\n';
const LOGIN_OK = 'Response: Success\r\nActionID: ct-1\r\nMessage: Authentication accepted\r\n\r\n';
const NEWCHANNEL =
  'Event: Newchannel\r\nPrivilege: call,all\r\nChannel: PJSIP/trunk-0000001c\r\n' +
  'ChannelState: 0\r\nChannelStateDesc: Down\r\nCallerIDNum: 79161234567\r\n' +
  'CallerIDName: Иванов Пётр\r\nConnectedLineNum: <unknown>\r\nUniqueid: 1718012345.101\r\n' +
  'Linkedid: 1718012345.101\r\nChanVariable: FROM_DID=74951234567\r\n' +
  'ChanVariable: QUEUE=sales=1\r\n\r\n';
const STREAM = GREETING + LOGIN_OK + NEWCHANNEL;

function parseWhole(text: string | Buffer): { frames: AmiFrame[]; parser: AmiParser } {
  const parser = new AmiParser();
  return { frames: parser.feed(text), parser };
}

describe('AmiParser', () => {
  it('reads the greeting, a response and an event with repeated keys', () => {
    const { frames, parser } = parseWhole(STREAM);
    expect(parser.greeting).toBe('11.0.0');
    expect(frames).toHaveLength(2);
    expect(frames[0]).toEqual({
      Response: 'Success',
      ActionID: 'ct-1',
      Message: 'Authentication accepted',
    });
    const event = frames[1] as AmiFrame;
    expect(header(event, 'CallerIDName')).toBe('Иванов Пётр');
    expect(headerValues(event, 'ChanVariable')).toEqual(['FROM_DID=74951234567', 'QUEUE=sales=1']);
    expect(chanVariables(event)).toEqual({ FROM_DID: '74951234567', QUEUE: 'sales=1' });
  });

  it('gives the same frames when the bytes are split in two at every position', () => {
    const bytes = Buffer.from(STREAM, 'utf8');
    const expected = parseWhole(bytes).frames;
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const parser = new AmiParser();
      const frames = [...parser.feed(bytes.subarray(0, cut)), ...parser.feed(bytes.subarray(cut))];
      expect(frames, `split at byte ${cut}`).toEqual(expected);
      expect(parser.greeting).toBe('11.0.0');
    }
  });

  it('gives the same frames when fed one byte at a time (splits inside CRLF and UTF-8)', () => {
    const bytes = Buffer.from(STREAM, 'utf8');
    const parser = new AmiParser();
    const frames: AmiFrame[] = [];
    for (let i = 0; i < bytes.length; i += 1) frames.push(...parser.feed(bytes.subarray(i, i + 1)));
    expect(frames).toEqual(parseWhole(bytes).frames);
  });

  it('returns several frames from one chunk, in order', () => {
    const events = Array.from(
      { length: 50 },
      (_, i) => `Event: VarSet\r\nVariable: N\r\nValue: ${i}\r\n\r\n`,
    ).join('');
    const frames = new AmiParser().feed(events);
    expect(frames.map((f) => f['Value'])).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
  });

  it('tolerates LF-only line endings and stray blank lines', () => {
    const frames = new AmiParser().feed(
      'Asterisk Call Manager/2.10.0\n\n\nResponse: Success\nMessage: ok\n\nEvent: X\nA: 1\n\n',
    );
    expect(frames).toEqual([
      { Response: 'Success', Message: 'ok' },
      { Event: 'X', A: '1' },
    ]);
  });

  it('keeps values as sent: colons inside, empty values, no space after the colon', () => {
    const [frame] = new AmiParser().feed(
      'Event: RTCPSent\r\nTo: 127.0.0.1:5071\r\nAccountCode: \r\nKey:value\r\nEmpty:\r\n\r\n',
    );
    expect(frame).toEqual({
      Event: 'RTCPSent',
      To: '127.0.0.1:5071',
      AccountCode: '',
      Key: 'value',
      Empty: '',
    });
  });

  it('collects modern command output (repeated Output headers)', () => {
    const [frame] = new AmiParser().feed(
      'Response: Success\r\nActionID: ct-9\r\nMessage: Command output follows\r\n' +
        'Output: Channel  Location  State\r\nOutput: 0 active channels\r\n\r\n',
    );
    expect(headerValues(frame as AmiFrame, 'Output')).toEqual([
      'Channel  Location  State',
      '0 active channels',
    ]);
  });

  it('reads Response: Follows raw output, blank lines included, up to --END COMMAND--', () => {
    const text =
      'Response: Follows\r\nPrivilege: Command\r\nActionID: ct-3\r\n' +
      'Name/username: 101\r\n\r\nPJSIP/101-00000001  s@default:1  Up\r\n' +
      '--END COMMAND--\r\n\r\nEvent: Next\r\n\r\n';
    const bytes = Buffer.from(text);
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const parser = new AmiParser();
      const frames = [...parser.feed(bytes.subarray(0, cut)), ...parser.feed(bytes.subarray(cut))];
      expect(frames, `split at byte ${cut}`).toEqual([
        {
          Response: 'Follows',
          Privilege: 'Command',
          ActionID: 'ct-3',
          Output: ['Name/username: 101', '', 'PJSIP/101-00000001  s@default:1  Up'],
        },
        { Event: 'Next' },
      ]);
    }
  });

  it('keeps output glued to the --END COMMAND-- marker', () => {
    const [frame] = new AmiParser().feed(
      'Response: Follows\r\nActionID: ct-4\r\nlast line--END COMMAND--\r\n\r\n',
    );
    expect(frame).toEqual({ Response: 'Follows', ActionID: 'ct-4', Output: 'last line' });
  });

  it('does not let a __proto__ header reach the prototype', () => {
    const [frame] = new AmiParser().feed('Event: X\r\n__proto__: polluted\r\nA: 1\r\n\r\n');
    expect(Object.getPrototypeOf(frame)).toBe(Object.prototype);
    expect(frame).toEqual({ Event: 'X', A: '1' });
  });

  it('treats a greeting-like line later in the stream as an ordinary line', () => {
    const parser = new AmiParser();
    parser.feed('Event: A\r\n\r\n');
    const frames = parser.feed('Asterisk Call Manager/1.0\r\nEvent: B\r\n\r\n');
    expect(parser.greeting).toBeUndefined();
    expect(frames[0]).toEqual({ Output: 'Asterisk Call Manager/1.0', Event: 'B' });
  });

  it('refuses a frame larger than the bound instead of growing without end', () => {
    const parser = new AmiParser({ maxFrameChars: 1_000 });
    expect(() => {
      for (let i = 0; i < 100; i += 1) parser.feed(`Header${i}: ${'x'.repeat(40)}\r\n`);
    }).toThrow(AmiProtocolError);
    expect(() => new AmiParser({ maxFrameChars: 100 }).feed('x'.repeat(200))).toThrow(
      AmiProtocolError,
    );
  });
});
