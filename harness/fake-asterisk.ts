import { connect, type Socket } from 'node:net';

export interface AgiCallOptions {
  readonly host?: string;
  readonly port: number;
  /** `route_call`, `feedback`, … */
  readonly script: string;
  readonly callerId?: string;
  readonly uniqueid?: string;
  readonly args?: readonly string[];
  /** What the PBX answers to each command; `200 result=1` by default. */
  readonly reply?: (command: string) => string;
  /** Gives up after this long (the session never ended). */
  readonly timeoutMs?: number;
}

export interface AgiCallResult {
  /** Every command line the server sent, without its line end. */
  readonly commands: string[];
  /** `SET VARIABLE` commands as name → value. */
  readonly variables: Record<string, string>;
  /** True when the server closed the connection (as it does after the last command). */
  readonly closedByServer: boolean;
  readonly elapsedMs: number;
}

const SET_VARIABLE = /^SET VARIABLE (\S+) "(.*)"$/;

function environment(options: AgiCallOptions, port: number): string {
  const lines = [
    'agi_network: yes',
    `agi_network_script: ${options.script}`,
    `agi_request: agi://127.0.0.1:${port}/${options.script}`,
    'agi_channel: PJSIP/trunk-00000001',
    'agi_language: en',
    'agi_type: PJSIP',
    `agi_uniqueid: ${options.uniqueid ?? '1718012345.1'}`,
    'agi_version: 22.10.1',
    `agi_callerid: ${options.callerId ?? 'unknown'}`,
    'agi_calleridname: unknown',
    'agi_callingpres: 0',
    'agi_dnid: 74957770500',
    'agi_context: courier-route',
    'agi_extension: s',
    'agi_priority: 8',
    'agi_enhanced: 0.0',
    'agi_accountcode: ',
    'agi_threadid: 140000000000000',
    ...(options.args ?? []).map((arg, index) => `agi_arg_${index + 1}: ${arg}`),
  ];
  return `${lines.join('\n')}\n\n`;
}

/**
 * Plays Asterisk's side of one FastAGI session: connects, sends the channel's `agi_*`
 * block, answers every command line, and resolves when the server closes the connection.
 */
export function agiCall(options: AgiCallOptions): Promise<AgiCallResult> {
  const started = performance.now();
  const host = options.host ?? '127.0.0.1';
  const reply = options.reply ?? (() => '200 result=1');
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host, port: options.port });
    socket.setNoDelay(true);
    const commands: string[] = [];
    const variables: Record<string, string> = {};
    let buffer = '';
    let closedByServer = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the AGI session did not end within ${options.timeoutMs ?? 5_000} ms`));
    }, options.timeoutMs ?? 5_000);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(environment(options, options.port)));
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        commands.push(line);
        const set = SET_VARIABLE.exec(line);
        if (set) variables[set[1] as string] = set[2] as string;
        socket.write(`${reply(line)}\n`);
      }
    });
    socket.on('end', () => {
      closedByServer = true;
      socket.end();
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ commands, variables, closedByServer, elapsedMs: performance.now() - started });
    });
  });
}
