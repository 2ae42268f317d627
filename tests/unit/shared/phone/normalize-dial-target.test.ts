import { describe, expect, it } from 'vitest';
import type { DialTarget } from '../../../../shared/phone/types';
import { entryPoints } from '../../../support/shared/phone/entry-points';

const targets: ReadonlyArray<readonly [input: string, expected: DialTarget | null]> = [
  ['101', { kind: 'extension', extension: '101' }],
  [' 1234 ', { kind: 'extension', extension: '1234' }],
  ['12', { kind: 'extension', extension: '12' }],
  ['12345', { kind: 'extension', extension: '12345' }],
  [
    '8 (916) 123-45-67',
    { kind: 'external', e164: '+79161234567', dbKey: '79161234567', country: 'RU' },
  ],
  [
    '+7 701 123 4567 доб. 12',
    { kind: 'external', e164: '+77011234567', dbKey: '77011234567', country: 'KZ', ext: '12' },
  ],
  ['1', null],
  ['123456', null],
  ['*72', null],
  ['10 1', null],
  ['101\r\nAction: Hangup', null],
  ['', null],
];

describe.each(entryPoints)('normalizeDialTarget, %s', (_name, kit) => {
  it.each(targets)('%j', (input, expected) => {
    expect(kit.normalizeDialTarget(input)).toEqual(expected);
  });
});
