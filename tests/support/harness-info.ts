import { inject } from 'vitest';
import type { NetAddress } from '../../harness/services/net-address';
import type { SipPeerName } from '../../harness/pbx-plan';
import type { HarnessAmiAccounts } from '../../harness/services/ami-accounts';

export interface DatabaseAccount {
  readonly user: string;
  readonly password: string;
}

/** Connection details of the services the global setup started for this test run. */
export interface HarnessInfo {
  readonly mariadb: {
    readonly host: string;
    readonly port: number;
    /** Database `courier`, generated with the well-known fixtures (tests/support/fixtures.ts). */
    readonly database: string;
    /** Full rights, empty password. */
    readonly root: DatabaseAccount;
    /** `courier_ro`: SELECT on `courier.*` only, as the helper uses it. */
    readonly readOnly: DatabaseAccount;
  };
  readonly asterisk: {
    readonly amiHost: string;
    readonly amiPort: number;
    readonly sipHost: string;
    readonly sipPort: number;
    /**
     * Least-privilege office-wide `helper` account, per-seat accounts of 101–103 (`seats`)
     * and the full-rights `admin` account.
     */
    readonly accounts: HarnessAmiAccounts;
    /** Where each sipp peer listens (the PBX's static contacts for 101, 102, 103, farend). */
    readonly peers: Readonly<Record<SipPeerName, NetAddress>>;
    /** Source address of inbound trunk calls. */
    readonly trunkIp: string;
    /** The Asterisk root on the host and this run's directory inside it. */
    readonly root: string;
    readonly runDir: string;
    /** The run directory on the host: `etc/` config, `log/messages.log`, `spool/monitor/`. */
    readonly hostRunDir: string;
  };
  /** Base URL of the harness's fault control (stop/start MariaDB, restart Asterisk). */
  readonly controlUrl: string;
  /** Scratch directory of this run (sipp scenarios and logs). */
  readonly workDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    harness: HarnessInfo;
  }
}

/** The running services' details, inside an integration or e2e test. */
export function harnessInfo(): HarnessInfo {
  return inject('harness');
}
