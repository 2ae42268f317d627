import { describe, expect, it } from 'vitest';
import { DEFAULT_TRANSFER_SETTINGS } from '../../../../../helper/config/transfer-settings';
import {
  outsideExten,
  transferDestination,
} from '../../../../../helper/workstation/call-control/transfer-destination';

const SETTINGS = {
  ...DEFAULT_TRANSFER_SETTINGS,
  courierContext: 'outbound',
  managerContext: 'from-internal',
};

describe('transferDestination', () => {
  it('rings an extension in transfer.managerContext', () => {
    expect(transferDestination(' 103 ', 'blind', SETTINGS, 'RU')).toEqual({
      context: 'from-internal',
      exten: '103',
      to: '103',
    });
  });

  it('sends any way of writing an outside number through transfer.courierContext', () => {
    for (const written of ['8 (903) 111-22-33', '+7 903 111 22 33', '79031112233']) {
      expect(transferDestination(written, 'blind', SETTINGS, 'RU')).toEqual({
        context: 'outbound',
        exten: '+79031112233',
        to: '+79031112233',
      });
    }
  });

  it('dials an attended transfer to an outside number in keypad digits', () => {
    const settings = { ...SETTINGS, courierExten: '{national}' };
    expect(transferDestination('+79031112233', 'attended', settings, 'RU').exten).toBe(
      '89031112233',
    );
  });
});

describe('outsideExten', () => {
  it('writes the number as the outbound route wants it', () => {
    expect(outsideExten('{e164}', '+79031112233')).toBe('+79031112233');
    expect(outsideExten('{digits}', '+79031112233')).toBe('79031112233');
    expect(outsideExten('9{national}', '+79031112233')).toBe('989031112233');
  });
});
