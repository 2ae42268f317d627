/**
 * AMI ingest benchmark: how many events per second go from socket-sized chunks of a
 * recorded Asterisk event stream to a listener, on one core.
 *
 * Contenders, each fed the same chunks in the same run, with the event loop turning between
 * chunks as it does for a socket:
 * - ours (parser): AmiParser.feed() on Buffers, counting event frames;
 * - ours (client): the full AmiClient path (in-memory transport → parser → dispatch →
 *   `event` listener) after a real Login exchange;
 * - asterisk-manager 0.2.0: its own socket `data` handler, driven through a stand-in socket
 *   (net.createConnection is replaced while it connects), fed strings decoded by a
 *   StringDecoder as its setEncoding('utf-8') socket would, counting `managerevent`s.
 *
 *   npm run bench:ami -- [--fixture FILE] [--chunk 65536] [--rounds 7] [--round-ms 400] [--no-pin]
 *
 * Rates are events per second of CPU time of this process, pinned to one core.
 * Prints per-round figures, the medians, the ratios, and last `ami_ingest <events/s> events/s`
 * (median of ours (parser)).
 */
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { AmiClient } from '../helper/ami/client';
import { AmiParser } from '../helper/ami/parser';
import type { AmiConnectionHandlers, AmiTransport } from '../helper/ami/transport';

const { values: args } = parseArgs({
  options: {
    fixture: { type: 'string', default: 'bench/fixtures/ami-events.txt' },
    chunk: { type: 'string', default: '65536' },
    rounds: { type: 'string', default: '7' },
    'round-ms': { type: 'string', default: '400' },
    'no-pin': { type: 'boolean', default: false },
  },
});

pinToOneCore();

const fixture = readFileSync(args.fixture);
const chunkSize = Number(args.chunk);
const rounds = Number(args.rounds);
const roundMs = Number(args['round-ms']);
const chunks: Buffer[] = [];
for (let i = 0; i < fixture.length; i += chunkSize) chunks.push(fixture.subarray(i, i + chunkSize));

type Contender = { name: string; pass: () => Promise<number> };

async function oursParserPass(): Promise<number> {
  const parser = new AmiParser();
  let events = 0;
  for (const chunk of chunks) {
    for (const frame of parser.feed(chunk)) if (frame['Event'] !== undefined) events += 1;
    await nextMacrotask();
  }
  return events;
}

/** A transport whose connection answers Login and then lets the bench push bytes in. */
function memoryTransport(): { transport: AmiTransport; push: (chunk: Buffer) => void } {
  let handlers: AmiConnectionHandlers | undefined;
  const transport: AmiTransport = {
    connect(_endpoint, h) {
      handlers = h;
      return Promise.resolve({
        write(bytes) {
          const text = bytes.toString('utf8');
          const id = /ActionID: (.+)\r\n/.exec(text)?.[1] ?? '';
          if (text.startsWith('Action: Login')) {
            const reply = `Asterisk Call Manager/11.0.0\r\nResponse: Success\r\nActionID: ${id}\r\nMessage: Authentication accepted\r\n\r\n`;
            queueMicrotask(() => h.onData(Buffer.from(reply)));
          } else if (text.startsWith('Action: Logoff')) {
            queueMicrotask(() =>
              h.onData(Buffer.from(`Response: Goodbye\r\nActionID: ${id}\r\n\r\n`)),
            );
          }
        },
        end() {},
        destroy() {},
      });
    },
  };
  return { transport, push: (chunk) => handlers?.onData(chunk) };
}

async function oursClientPass(): Promise<number> {
  const { transport, push } = memoryTransport();
  const client = new AmiClient({
    host: 'bench',
    username: 'bench',
    secret: 'bench',
    transport,
    keepaliveIntervalMs: 3_600_000,
  });
  let events = 0;
  client.on('event', () => {
    events += 1;
  });
  await client.start();
  for (const chunk of chunks) {
    push(chunk);
    await nextMacrotask();
  }
  await client.close();
  return events;
}

interface AsteriskManagerInstance {
  on(event: string, listener: (...args: unknown[]) => void): void;
}
type AsteriskManagerFactory = (port: number, host: string) => AsteriskManagerInstance;
const requireCjs = createRequire(import.meta.url);
const AsteriskManager = requireCjs('asterisk-manager') as AsteriskManagerFactory;

/** Stands in for the socket asterisk-manager opens; the bench emits its `data`. */
class StandInSocket extends EventEmitter {
  readyState = 'open';
  setKeepAlive(): void {}
  setNoDelay(): void {}
  setEncoding(): void {}
  write(): boolean {
    return true;
  }
  end(): void {}
}

async function asteriskManagerPass(): Promise<number> {
  const socket = new StandInSocket();
  const original = net.createConnection;
  (net as { createConnection: unknown }).createConnection = () => socket;
  let manager: AsteriskManagerInstance;
  try {
    manager = AsteriskManager(5038, 'bench');
  } finally {
    (net as { createConnection: unknown }).createConnection = original;
  }
  let events = 0;
  manager.on('managerevent', () => {
    events += 1;
  });
  const decoder = new StringDecoder('utf8');
  for (const chunk of chunks) {
    socket.emit('data', decoder.write(chunk));
    await nextMacrotask();
  }
  // Its events are emitted on process.nextTick; let the last ones out.
  await nextMacrotask();
  return events;
}

const contenders: Contender[] = [
  { name: 'ours (parser)', pass: oursParserPass },
  { name: 'ours (client)', pass: oursClientPass },
  { name: 'asterisk-manager', pass: asteriskManagerPass },
];

/**
 * Events per second of this process's CPU time. Wall time would also count whatever else
 * runs on the machine; CPU time (user + system, all of this process's threads, GC included)
 * is what the ingest itself costs on the one core it is pinned to.
 */
async function measure(contender: Contender, expected: number): Promise<number> {
  let events = 0;
  const started = process.cpuUsage();
  let cpuMs = 0;
  do {
    const counted = await contender.pass();
    if (counted !== expected) {
      throw new Error(`${contender.name} counted ${counted} events, expected ${expected}`);
    }
    events += counted;
    const used = process.cpuUsage(started);
    cpuMs = (used.user + used.system) / 1000;
  } while (cpuMs < roundMs);
  return (events / cpuMs) * 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const expected = await oursParserPass();
  console.log(
    `fixture ${args.fixture}: ${fixture.length} bytes, ${expected} events, ` +
      `${chunks.length} chunks of ${chunkSize} bytes; node ${process.version}, ${rounds} rounds of ≥${roundMs} ms CPU`,
  );
  const results = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  // Round 0 warms the JIT up and is not counted; the order rotates to spread drift.
  for (let round = 0; round <= rounds; round += 1) {
    const line: string[] = [];
    for (let k = 0; k < contenders.length; k += 1) {
      const contender = contenders[(round + k) % contenders.length] as Contender;
      const rate = await measure(contender, expected);
      if (round > 0) results.get(contender.name)?.push(rate);
      line.push(`${contender.name} ${fmt(rate)}`);
    }
    console.log(`${round === 0 ? 'warm-up' : `round ${round}`}: ${line.join(', ')} events/s`);
  }
  const medians = new Map([...results].map(([name, rates]) => [name, median(rates)]));
  for (const [name, value] of medians) console.log(`median ${name}: ${fmt(value)} events/s`);
  const parser = medians.get('ours (parser)') ?? 0;
  const client = medians.get('ours (client)') ?? 0;
  const baseline = medians.get('asterisk-manager') ?? 1;
  console.log(`ratio ours (parser) / asterisk-manager: ${(parser / baseline).toFixed(2)}x`);
  console.log(`ratio ours (client) / asterisk-manager: ${(client / baseline).toFixed(2)}x`);
  console.log(`ami_ingest ${Math.round(parser)} events/s`);
}

/** Re-runs this script under `taskset -c 0` where available, so it measures one core. */
function pinToOneCore(): void {
  if (args['no-pin'] || process.platform !== 'linux' || process.env['AMI_BENCH_PINNED'] === '1') {
    return;
  }
  const probe = spawnSync('taskset', ['-c', '0', 'true']);
  if (probe.status !== 0) return;
  const run = spawnSync(
    'taskset',
    ['-c', '0', process.execPath, ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit', env: { ...process.env, AMI_BENCH_PINNED: '1' } },
  );
  process.exit(run.status ?? 1);
}

await main();
