/**
 * (c) Idle memory of the helper: a fresh helper process connected to AMI and the database
 * with one paired client, sampled while nothing happens; and, as the same run's baseline,
 * a bare node process of the same runtime doing nothing.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import type { BenchServices } from './support/bench-services';
import type { HelperRuntime } from '../harness/processes/helper-child';
import { startHelperProcess } from './support/helper-process';
import { connectPairedClient } from './support/paired-client';
import { percentile } from './support/percentiles';
import { residentKib } from './support/proc-rss';

const SAMPLE_EVERY_MS = 500;

export interface IdleRssOptions {
  readonly runtime: HelperRuntime;
  /** How long the helper idles while it is sampled, right after its client paired. */
  readonly idleSeconds: number;
  /**
   * How long it is sampled after that: V8's memory reducer collects the start-up garbage
   * about 8 s after start-up, so this window shows the helper as it idles the rest of the day.
   */
  readonly settledSeconds: number;
  readonly workDir: string;
}

export interface IdleRss {
  /** Median VmRSS over the idle window, in MiB. */
  readonly medianMib: number;
  readonly minMib: number;
  readonly maxMib: number;
  readonly samples: number;
  /** Median VmRSS over the settled window that follows, in MiB; undefined without one. */
  readonly settledMib: number | undefined;
}

/** Samples a process's VmRSS (MiB) every half second for `idleSeconds` then `settledSeconds`. */
async function sampleRss(
  pid: number,
  idleSeconds: number,
  settledSeconds: number,
): Promise<IdleRss> {
  const sampleFor = async (seconds: number): Promise<number[]> => {
    const samples: number[] = [];
    const end = Date.now() + seconds * 1000;
    while (Date.now() < end) {
      await delay(SAMPLE_EVERY_MS);
      samples.push(residentKib(pid) / 1024);
    }
    return samples;
  };
  const idle = await sampleFor(idleSeconds);
  const settled = await sampleFor(settledSeconds);
  return {
    medianMib: percentile(idle, 0.5),
    minMib: Math.min(...idle),
    maxMib: Math.max(...idle),
    samples: idle.length,
    settledMib: settled.length > 0 ? percentile(settled, 0.5) : undefined,
  };
}

export async function measureIdleRss(
  services: BenchServices,
  options: IdleRssOptions,
): Promise<IdleRss> {
  const helper = await startHelperProcess({
    runtime: options.runtime,
    ami: services.amiAccess,
    database: services.lookupAccess,
    extensions: ['101'],
    workDir: options.workDir,
  });
  try {
    const client = await connectPairedClient(helper.wsPort, helper.stateDir);
    try {
      return await sampleRss(helper.pid, options.idleSeconds, options.settledSeconds);
    } finally {
      await client.close();
    }
  } finally {
    await helper.stop();
  }
}

/** The floor under every figure above: this node with an empty event loop, sampled the same way. */
export async function measureBareNodeRss(
  idleSeconds: number,
  settledSeconds: number,
): Promise<IdleRss> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)'], {
    stdio: 'ignore',
  });
  try {
    await once(child, 'spawn');
    if (child.pid === undefined) throw new Error('the bare node process has no pid');
    return await sampleRss(child.pid, idleSeconds, settledSeconds);
  } finally {
    child.kill('SIGKILL');
  }
}
