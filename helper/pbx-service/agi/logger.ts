/**
 * The logging seam of the PBX-side service: the same pino-shaped interface the AMI client
 * uses (a context object first, then the message), under a name that is not AMI's.
 */
export { errorSummary, silentLogger } from '../../ami/logger';
export type { AmiLogger as ServiceLogger } from '../../ami/logger';
