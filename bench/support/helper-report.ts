import type { IngestFigures } from '../helper-ingest';
import type { LatencyFigures } from '../helper-latency';
import type { IdleRss } from '../helper-rss';
import { formatSpread } from './percentiles';

export interface HelperBenchFigures {
  readonly latency: LatencyFigures;
  readonly ingest: IngestFigures;
  readonly rss: IdleRss;
  /** A bare node of the same runtime, sampled the same way: the same run's baseline. */
  readonly bareNodeRss: IdleRss;
  /** The same measurement of a built single-file executable, when one was given. */
  readonly executableRss?: IdleRss | undefined;
  /** The same measurement with the helper run from sources under tsx, when taken. */
  readonly tsxRss?: IdleRss;
}

/** The idle helper's target, in MB of 10^6 bytes. */
const IDLE_RSS_TARGET_MB = 60;

/** The ring → identity p99 may be at most this many times the bare lookup's p99 (same run). */
const IDENTITY_TO_LOOKUP_P99_TARGET = 1.5;

type Log = (line: string) => void;

const ms = (value: number): string => `${value.toFixed(2)} ms`;
const mib = (value: number): string => `${value.toFixed(1)} MiB`;
const mb = (valueMib: number): string => `${((valueMib * 1024 * 1024) / 1e6).toFixed(1)} MB`;

export function printLatency(latency: LatencyFigures, log: Log): void {
  const rows: [string, string][] = [
    ['identity (AMI leg → identity frame)', formatSpread(latency.identity)],
    ['ringing (AMI leg → first call frame)', formatSpread(latency.ringing)],
    ['lookup in the helper (ringing → identity)', formatSpread(latency.lookupInHelper)],
    ['bare lookup (mysql2 alone), before the calls', formatSpread(latency.bareLookup)],
    ['bare lookup (mysql2 alone), during the calls', formatSpread(latency.bareLookupUnderLoad)],
    ['PBX dialplan (trunk → operator leg)', formatSpread(latency.pbxDialplan)],
    ...Object.entries(latency.byKind).map(([kind, spread]): [string, string] => [
      `  identity, ${kind}`,
      formatSpread(spread),
    ]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) log(`${label.padEnd(width)}  ${value}`);
  if (latency.incomplete > 0)
    log(`measured calls without an identity frame: ${latency.incomplete}`);
}

export function printIdleRss(label: string, rss: IdleRss, log: Log): void {
  const settled =
    rss.settledMib === undefined
      ? ''
      : `; settled: median ${mib(rss.settledMib)} = ${mb(rss.settledMib)}`;
  log(
    `${label}: median ${mib(rss.medianMib)} = ${mb(rss.medianMib)} (min ${rss.minMib.toFixed(1)}, ` +
      `max ${rss.maxMib.toFixed(1)}, ${rss.samples} samples)${settled}`,
  );
}

/** One `<metric> <value> <unit>` line each; the headline, identity p99, comes last. */
export function printSummary(figures: HelperBenchFigures, totalMs: number, log: Log): void {
  const { latency, ingest, rss, bareNodeRss, executableRss, tsxRss } = figures;
  const ratio = (ours: number): string => `${(ours / ingest.asteriskManager).toFixed(2)} x`;
  log('');
  log('== summary ==');
  log(`identity_event_p50 ${ms(latency.identity.p50)}`);
  log(`identity_event_p90 ${ms(latency.identity.p90)}`);
  log(`identity_event_max ${ms(latency.identity.max)}`);
  log(`identity_event_calls ${latency.identity.count} calls`);
  log(`ringing_event_p50 ${ms(latency.ringing.p50)}`);
  log(`ringing_event_p99 ${ms(latency.ringing.p99)}`);
  log(`bare_lookup_p50 ${ms(latency.bareLookup.p50)}`);
  log(`bare_lookup_p99 ${ms(latency.bareLookup.p99)}`);
  log(`bare_lookup_under_load_p50 ${ms(latency.bareLookupUnderLoad.p50)}`);
  log(`bare_lookup_under_load_p99 ${ms(latency.bareLookupUnderLoad.p99)}`);
  const p99Ratio = (baseline: number): string =>
    `${(latency.identity.p99 / baseline).toFixed(2)} x (target at most ${IDENTITY_TO_LOOKUP_P99_TARGET})`;
  log(`identity_p99_vs_bare_lookup_p99 ${p99Ratio(latency.bareLookup.p99)}`);
  log(`identity_p99_vs_bare_lookup_under_load_p99 ${p99Ratio(latency.bareLookupUnderLoad.p99)}`);
  log(`ami_ingest_parser ${Math.round(ingest.parser)} events/s`);
  log(`ami_ingest_client ${Math.round(ingest.client)} events/s`);
  log(`ami_ingest_asterisk_manager ${Math.round(ingest.asteriskManager)} events/s`);
  log(`ami_ingest_parser_vs_asterisk_manager ${ratio(ingest.parser)}`);
  log(`ami_ingest_client_vs_asterisk_manager ${ratio(ingest.client)}`);
  if (tsxRss) log(`idle_rss_tsx ${mib(tsxRss.medianMib)}`);
  log(`idle_rss_bare_node ${mib(bareNodeRss.medianMib)}`);
  if (executableRss) {
    log(`idle_rss_executable ${mib(executableRss.medianMib)}`);
    if (executableRss.settledMib !== undefined)
      log(`idle_rss_executable_settled ${mib(executableRss.settledMib)}`);
  }
  if (rss.settledMib !== undefined) {
    log(
      `idle_rss_settled ${mib(rss.settledMib)} (${mb(rss.settledMib)}, target ${IDLE_RSS_TARGET_MB} MB)`,
    );
  }
  log(`idle_rss_mb ${mb(rss.medianMib)} (target ${IDLE_RSS_TARGET_MB} MB)`);
  log(`idle_rss ${mib(rss.medianMib)}`);
  log(`bench_duration ${(totalMs / 1000).toFixed(1)} s`);
  log(`identity_event_p99 ${ms(latency.identity.p99)}`);
}
