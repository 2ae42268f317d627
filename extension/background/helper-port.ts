import type { HelperClient } from '../lib/helper-client/helper-client';

/** The helper connection as the background modules use it; `HelperClient` implements it. */
export type HelperPort = Pick<HelperClient, 'connection' | 'dial' | 'request' | 'pair'>;
