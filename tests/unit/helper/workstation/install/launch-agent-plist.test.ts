import { describe, expect, it } from 'vitest';
import {
  LAUNCH_AGENT_LABEL,
  renderLaunchAgentPlist,
} from '../../../../../helper/workstation/install/launch-agent-plist';

describe('macOS LaunchAgent', () => {
  it('names the label and the program arguments, runs at load and again after a crash', () => {
    const plist = renderLaunchAgentPlist([
      '/Users/op/Applications/courier-helper',
      'run',
      '--config',
      '/Users/op/Library/Application Support/CourierTelephony/helper.toml',
    ]);
    expect(LAUNCH_AGENT_LABEL).toBe('ru.courier-telephony.helper');
    expect(plist).toContain(`<key>Label</key>\n  <string>${LAUNCH_AGENT_LABEL}</string>`);
    expect(plist).toContain(
      [
        '  <array>',
        '    <string>/Users/op/Applications/courier-helper</string>',
        '    <string>run</string>',
        '    <string>--config</string>',
        '    <string>/Users/op/Library/Application Support/CourierTelephony/helper.toml</string>',
        '  </array>',
      ].join('\n'),
    );
    expect(plist).toMatch(/<key>RunAtLoad<\/key>\s*<true\/>/);
    expect(plist).toMatch(
      /<key>KeepAlive<\/key>\s*<dict>\s*<key>SuccessfulExit<\/key>\s*<false\/>/,
    );
    expect(plist.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist')).toBe(true);
  });

  it('escapes XML in paths', () => {
    const plist = renderLaunchAgentPlist(['/Users/a&b/<x>/helper', 'run']);
    expect(plist).toContain('<string>/Users/a&amp;b/&lt;x&gt;/helper</string>');
  });
});
