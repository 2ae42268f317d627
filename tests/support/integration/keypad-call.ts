import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freeUdpPort } from '../../../harness/services/free-port';
import { terminate } from '../../../harness/services/process-control';
import { renderTemplate } from '../../../harness/services/render-template';
import { requireBinary } from '../../../harness/services/require-binary';
import {
  readSipMessageLog,
  type LoggedSipMessage,
} from '../../../harness/services/sip-message-log';
import { harnessInfo } from '../harness-info';

const SCENARIO = new URL('./keypad-caller.xml', import.meta.url);

export interface KeypadCallOptions {
  /** Caller number as the provider sends it. */
  readonly from: string;
  readonly did: string;
  /** The key pressed again and again once the PBX answered. */
  readonly key: string;
  readonly keyIntervalMs?: number;
}

export interface KeypadCall {
  /** Settles when the PBX hung up and sipp exited; with the SIP messages exchanged. */
  readonly done: Promise<{ exitCode: number | null; messages: LoggedSipMessage[] }>;
  stop(): Promise<void>;
}

/** An outside caller on the trunk who presses a key (SIP INFO) until the PBX hangs up. */
export async function placeKeypadCall(options: KeypadCallOptions): Promise<KeypadCall> {
  const { asterisk, workDir } = harnessInfo();
  const dir = join(workDir, 'sipp');
  mkdirSync(dir, { recursive: true });
  const label = `keypad-${options.from}-${Date.now()}`;
  const scenario = join(dir, `${label}.xml`);
  writeFileSync(
    scenario,
    renderTemplate(
      readFileSync(SCENARIO, 'utf8'),
      { CALLER: options.from, KEY: options.key, KEY_INTERVAL_MS: options.keyIntervalMs ?? 700 },
      'keypad-caller.xml',
    ),
  );
  const messages = join(dir, `${label}-messages.log`);
  const port = await freeUdpPort(asterisk.trunkIp);
  const child = spawn(
    requireBinary('sipp', 'sip-tester'),
    [
      `${asterisk.sipHost}:${asterisk.sipPort}`,
      '-sf',
      scenario,
      '-s',
      options.did,
      '-i',
      asterisk.trunkIp,
      '-p',
      String(port),
      '-m',
      '1',
      '-nostdin',
      '-aa',
      '-trace_msg',
      '-message_file',
      messages,
      '-trace_err',
      '-error_file',
      join(dir, `${label}-errors.log`),
    ],
    { stdio: 'ignore' },
  );
  // The harness's teardown finds and stops sipp processes by these files.
  writeFileSync(join(dir, `${label}.pid`), String(child.pid));
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  return {
    done: exited.then((exitCode) => ({ exitCode, messages: readSipMessageLog(messages) })),
    async stop() {
      if (child.pid !== undefined && child.exitCode === null) await terminate(child.pid, 3_000);
      await exited;
    },
  };
}
