import { describe, expect, it } from 'vitest';
import {
  exampleConfigText,
  exampleWithLogFile,
} from '../../../../../helper/workstation/install/example-config';

describe('example configuration for install', () => {
  it('is the shipped example, and gets the log file set in its [log] section only', () => {
    const example = exampleConfigText();
    expect(example).toContain('[pbx]');
    const withLog = exampleWithLogFile(
      example,
      'C:\\Users\\Op\\AppData\\Local\\CourierTelephony\\Logs\\helper.log',
    );
    expect(withLog).toContain(
      'file = "C:\\\\Users\\\\Op\\\\AppData\\\\Local\\\\CourierTelephony\\\\Logs\\\\helper.log"',
    );
    expect(withLog.split('\n').length).toBe(example.split('\n').length);
    const changed = withLog
      .split('\n')
      .filter((line, index) => line !== example.split('\n')[index]);
    expect(changed).toHaveLength(1);
  });

  it('leaves a text without an empty [log] file line alone', () => {
    const text = '[log]\nlevel = "info"\nfile = "/var/log/x.log"\n[phone]\nfile = ""\n';
    expect(exampleWithLogFile(text, '/tmp/h.log')).toBe(text);
    expect(exampleWithLogFile('[pbx]\nhost = "x"\n', '/tmp/h.log')).toBe('[pbx]\nhost = "x"\n');
  });
});
