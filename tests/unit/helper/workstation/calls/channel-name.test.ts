import { describe, expect, it } from 'vitest';
import {
  ExtensionMatcher,
  extensionOfChannel,
  isDeviceChannel,
  parseChannelName,
} from '../../../../../helper/workstation/calls/channel-name';

describe('parseChannelName', () => {
  it.each([
    ['PJSIP/101-0000001a', 'PJSIP', '101'],
    ['SIP/101-00000003', 'SIP', '101'],
    ['IAX2/101-4711', 'IAX2', '101'],
    ['PJSIP/trunk-00000003', 'PJSIP', 'trunk'],
    ['PJSIP/my-provider-0000000f', 'PJSIP', 'my-provider'],
    ['PJSIP/101-0000001a<ZOMBIE>', 'PJSIP', '101'],
  ])('%s → %s / %s', (name, tech, resource) => {
    const parsed = parseChannelName(name);
    expect(parsed).toMatchObject({ tech, resource, isLocal: false });
    expect(isDeviceChannel(parsed!)).toBe(true);
  });

  it('reads Local channels: extension, context and side', () => {
    expect(parseChannelName('Local/101@from-queue-0000002a;1')).toEqual({
      name: 'Local/101@from-queue-0000002a;1',
      tech: 'Local',
      resource: '101@from-queue',
      isLocal: true,
      localExten: '101',
      localContext: 'from-queue',
      localSide: 1,
    });
    expect(parseChannelName('Local/FMPR-101@from-internal-00000004;2')).toMatchObject({
      localExten: 'FMPR-101',
      localContext: 'from-internal',
      localSide: 2,
    });
  });

  it('refuses names without a technology', () => {
    expect(parseChannelName('')).toBeUndefined();
    expect(parseChannelName('101')).toBeUndefined();
    expect(parseChannelName('PJSIP/')).toBeUndefined();
  });

  it('gives the extension of device and Local channels only', () => {
    expect(extensionOfChannel(parseChannelName('PJSIP/102-00000001')!)).toBe('102');
    expect(extensionOfChannel(parseChannelName('Local/103@ctx-00000001;2')!)).toBe('103');
    expect(extensionOfChannel(parseChannelName('Message/ast_msg_queue')!)).toBeUndefined();
  });
});

describe('ExtensionMatcher', () => {
  const matcher = new ExtensionMatcher(['101', '102']);

  it.each([
    ['PJSIP/101-0000001a', '101'],
    ['SIP/102-00000002', '102'],
    ['IAX2/101-17', '101'],
    ['Local/101@from-queue-00000002;1', '101'],
    ['Local/102@operators-00000009;2', '102'],
    ['PJSIP/103-00000001', undefined],
    ['PJSIP/trunk-00000001', undefined],
    ['Local/1011@from-queue-00000002;1', undefined],
    ['PJSIP/1010-00000001', undefined],
  ])('%s belongs to %s', (name, extension) => {
    expect(matcher.match(parseChannelName(name)!)).toBe(extension);
  });
});
