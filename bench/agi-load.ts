/**
 * The benchmark's Asterisk, in a worker thread so that playing the PBX does not take the
 * event loop the service runs on (on a real system Asterisk is another process): routes
 * each caller of `workerData.callers` with `concurrency` calls in flight and posts back the
 * latencies and the route kinds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { agiCall } from '../harness/fake-asterisk';

export interface LoadRequest {
  readonly port: number;
  readonly callers: readonly string[];
  readonly concurrency: number;
}

export interface LoadResult {
  readonly latencies: number[];
  readonly kinds: Record<string, number>;
  readonly seconds: number;
}

async function run({ port, callers, concurrency }: LoadRequest): Promise<LoadResult> {
  const latencies: number[] = [];
  const kinds: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < callers.length) {
      const callerId = callers[next] as string;
      next += 1;
      const result = await agiCall({ port, script: 'route_call', callerId });
      latencies.push(result.elapsedMs);
      const kind = result.variables['CT_ROUTE_KIND'] ?? 'none';
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, kinds, seconds: (performance.now() - started) / 1000 };
}

if (parentPort !== null) {
  const port = parentPort;
  void run(workerData as LoadRequest).then((result) => port.postMessage(result));
}
