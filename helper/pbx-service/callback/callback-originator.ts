import type { AmiClient } from '../../ami/client';
import type { OriginateRequest, OriginateResult } from '../../ami/originate';

/** The PBX side of a callback: what the service needs of the AMI client. */
export interface CallbackOriginator {
  /** False while the AMI connection is down: a callback would then be refused, not queued. */
  readonly ready: boolean;
  originate(request: OriginateRequest): Promise<OriginateResult>;
}

export function amiOriginator(client: AmiClient): CallbackOriginator {
  return {
    get ready() {
      return client.state === 'ready';
    },
    originate: (request) => client.originate(request),
  };
}
