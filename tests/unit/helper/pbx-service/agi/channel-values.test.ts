import { describe, expect, it } from 'vitest';
import {
  channelVariable,
  codeValue,
  kindValue,
  numberListValue,
  numberValue,
  type ChannelValue,
} from '../../../../../helper/pbx-service/agi/channel-value';
import { encodeSetVariable } from '../../../../../helper/pbx-service/agi/encode-command';
import { AgiValueError } from '../../../../../helper/pbx-service/agi/errors';

describe('channel values', () => {
  it('encodes SET VARIABLE with the value quoted', () => {
    expect(
      encodeSetVariable(channelVariable('CT_ROUTE_TARGETS'), numberValue('+79031112233', 'x')),
    ).toBe('SET VARIABLE CT_ROUTE_TARGETS "+79031112233"\n');
    expect(
      encodeSetVariable(channelVariable('CT_ROUTE_TARGETS'), numberListValue(['101', '102'], 'x')),
    ).toBe('SET VARIABLE CT_ROUTE_TARGETS "101&102"\n');
    expect(
      encodeSetVariable(
        channelVariable('CT_ROUTE_KIND'),
        kindValue('account-manager', ['account-manager'], 'x'),
      ),
    ).toBe('SET VARIABLE CT_ROUTE_KIND "account-manager"\n');
  });

  it.each([
    '79161234567"\nEXEC System rm',
    '7916 123',
    'Иванов',
    '',
    '+',
    '1234567890123456',
    '7916\r\n',
  ])('refuses %j as a number', (value) => {
    expect(() => numberValue(value, 'CT_X')).toThrow(AgiValueError);
  });

  it('refuses codes with anything but digits, unknown kinds and bad names', () => {
    expect(() => codeValue('12a', 'CT_ORDER')).toThrow(AgiValueError);
    expect(() => codeValue('', 'CT_ORDER')).toThrow(AgiValueError);
    expect(() => kindValue('courier"' as 'courier', ['courier'], 'CT_ROUTE_KIND')).toThrow(
      AgiValueError,
    );
    expect(() => kindValue('other' as 'courier', ['courier'], 'CT_ROUTE_KIND')).toThrow(
      AgiValueError,
    );
    expect(() => channelVariable('PATH')).toThrow(AgiValueError);
    expect(() => channelVariable('CT_X Y')).toThrow(AgiValueError);
    expect(() =>
      numberListValue(
        Array.from({ length: 17 }, () => '101'),
        'x',
      ),
    ).toThrow(AgiValueError);
  });

  it('checks the characters once more at the socket, whatever the type system was told', () => {
    const smuggled = 'x" \nHANGUP' as ChannelValue;
    expect(() => encodeSetVariable(channelVariable('CT_X'), smuggled)).toThrow(AgiValueError);
    expect(() => encodeSetVariable('CT_X\nHANGUP' as never, numberValue('101', 'x'))).toThrow(
      AgiValueError,
    );
  });
});
