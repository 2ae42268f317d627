/**
 * (c) Idle memory of the helper: a fresh helper process connected to AMI and the database
 * with one paired client, sampled while nothing happens.
 */
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
  /** How long the helper idles while it is sampled. */
  readonly idleSeconds: number;
  readonly workDir: string;
}

export interface IdleRss {
  /** Median VmRSS over the idle window, in MiB. */
  readonly medianMib: number;
  readonly minMib: number;
  readonly maxMib: number;
  readonly samples: number;
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
      const samples: number[] = [];
      const end = Date.now() + options.idleSeconds * 1000;
      while (Date.now() < end) {
        await delay(SAMPLE_EVERY_MS);
        samples.push(residentKib(helper.pid) / 1024);
      }
      return {
        medianMib: percentile(samples, 0.5),
        minMib: Math.min(...samples),
        maxMib: Math.max(...samples),
        samples: samples.length,
      };
    } finally {
      await client.close();
    }
  } finally {
    await helper.stop();
  }
}
