import { describe, expect, it } from 'vitest';
import { AgiArgumentError } from '../../../../../helper/pbx-service/agi/errors';
import { NamedArgs, requireArg } from '../../../../../helper/pbx-service/agi/named-args';

describe('NamedArgs', () => {
  const args = new NamedArgs([
    'call=1718012345.101',
    'order=2',
    'customer=79161234567',
    'operator=',
    'tries=2',
    'status=ANSWER',
    'recording=/var/spool/asterisk/monitor/courier-2-1718012345.101.wav',
  ]);

  it('reads values by shape and treats empty values as absent', () => {
    expect(args.callId('call')).toBe('1718012345.101');
    expect(args.code('order')).toBe('2');
    expect(args.number('customer')).toBe('79161234567');
    expect(args.extension('operator')).toBeUndefined();
    expect(args.integer('tries', 0, 9)).toBe(2);
    expect(args.oneOf('status', ['ANSWER', 'BUSY'])).toBe('ANSWER');
    expect(args.fileName('recording')).toMatch(/courier-2/);
    expect(args.code('absent')).toBeUndefined();
  });

  it('refuses values of the wrong shape, duplicates and positional arguments', () => {
    expect(() => new NamedArgs(['order=2;DROP']).code('order')).toThrow(AgiArgumentError);
    expect(() => new NamedArgs(['tries=12']).integer('tries', 0, 9)).toThrow(AgiArgumentError);
    expect(() => new NamedArgs(['status=ANSWERED']).oneOf('status', ['ANSWER'])).toThrow(
      AgiArgumentError,
    );
    expect(() => new NamedArgs(['call=1.2', 'call=1.3'])).toThrow(AgiArgumentError);
    expect(() => new NamedArgs(['Robert"); DROP TABLE'])).toThrow(AgiArgumentError);
    expect(() => new NamedArgs(['recording=a b.wav']).fileName('recording')).toThrow(
      AgiArgumentError,
    );
    expect(() => requireArg('call', undefined)).toThrow(/"call" is missing/);
  });
});
