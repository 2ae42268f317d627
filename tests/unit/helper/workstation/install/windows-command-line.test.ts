import { describe, expect, it } from 'vitest';
import {
  quoteWindowsArgument,
  windowsCommandLine,
} from '../../../../../helper/workstation/install/windows-command-line';

/** How the Microsoft C runtime splits a command line (after the program name). */
function splitLikeMsvcrt(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let inQuotes = false;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\') {
      let count = 0;
      while (line[i] === '\\') {
        count++;
        i++;
      }
      if (line[i] === '"') {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) current += '"';
        else inQuotes = !inQuotes;
      } else {
        current += '\\'.repeat(count);
        i--;
      }
      started = true;
    } else if (char === '"') {
      inQuotes = !inQuotes;
      started = true;
    } else if ((char === ' ' || char === '\t') && !inQuotes) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) args.push(current);
  return args;
}

describe('Windows command line for the Run key', () => {
  it('quotes only what needs it', () => {
    expect(
      windowsCommandLine([
        'C:\\Users\\Op\\AppData\\Local\\CourierTelephony\\courier-helper.exe',
        'run',
        '--background',
        '--config',
        'C:\\Users\\Op Name\\AppData\\Roaming\\CourierTelephony\\helper.toml',
      ]),
    ).toBe(
      'C:\\Users\\Op\\AppData\\Local\\CourierTelephony\\courier-helper.exe run --background --config "C:\\Users\\Op Name\\AppData\\Roaming\\CourierTelephony\\helper.toml"',
    );
  });

  it('round-trips awkward arguments through the C runtime rules', () => {
    const args = ['C:\\dir with space\\', 'a"b', '', 'tail\\\\', 'x\\"y', 'plain'];
    const line = args.map(quoteWindowsArgument).join(' ');
    expect(splitLikeMsvcrt(line)).toEqual(args);
  });
});
