/**
 * A parsed Asterisk channel name. Real channels are `TECH/resource-suffix`
 * (`PJSIP/101-0000001a`, `SIP/101-00000003`, `IAX2/101-4711`); Local channels are
 * `Local/exten@context-suffix;side` and stand for a dialplan location rather than a device.
 */
export interface ChannelName {
  /** The full name as Asterisk reported it, masquerade markers removed. */
  readonly name: string;
  /** `PJSIP`, `SIP`, `IAX2`, `Local`, … as spelled by Asterisk. */
  readonly tech: string;
  /** The endpoint (peer) for device channels; `exten@context` for Local channels. */
  readonly resource: string;
  readonly isLocal: boolean;
  /** Local channels only: the extension and context they run. */
  readonly localExten?: string;
  readonly localContext?: string;
  /** Local channels only: 1 (the side that was dialled) or 2 (the side running the dialplan). */
  readonly localSide?: 1 | 2;
}

/** Technologies whose resource is the device's endpoint name. */
const DEVICE_TECHS = new Set(['pjsip', 'sip', 'iax2']);

// Asterisk appends these while a channel is being replaced (masquerade) or after it is gone.
const MASQUERADE_MARKER = /<[A-Z]+>$/;
// Device channel suffix: `-` then a hex counter (PJSIP/SIP) or a decimal call number (IAX2).
const DEVICE_SUFFIX = /-[0-9a-fA-F]+$/;
const LOCAL_SUFFIX = /-[0-9a-fA-F]+;([12])$/;

/** Parses a channel name; undefined for an empty or technology-less string. */
export function parseChannelName(raw: string): ChannelName | undefined {
  const name = raw.trim().replace(MASQUERADE_MARKER, '');
  const slash = name.indexOf('/');
  if (slash <= 0 || slash === name.length - 1) return undefined;
  const tech = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  if (tech.toLowerCase() === 'local') return parseLocal(name, tech, rest);
  const resource = rest.replace(DEVICE_SUFFIX, '');
  return { name, tech, resource: resource.length > 0 ? resource : rest, isLocal: false };
}

function parseLocal(name: string, tech: string, rest: string): ChannelName {
  const side = LOCAL_SUFFIX.exec(rest);
  const resource = side === null ? rest : rest.slice(0, side.index);
  const at = resource.lastIndexOf('@');
  const base = { name, tech, resource, isLocal: true } as const;
  const localSide = side === null ? undefined : side[1] === '1' ? 1 : 2;
  if (at <= 0) return { ...base, localExten: resource, localSide };
  return {
    ...base,
    localExten: resource.slice(0, at),
    localContext: resource.slice(at + 1),
    localSide,
  };
}

/** True for PJSIP, SIP and IAX2 channels: a phone, a softphone or a trunk. */
export function isDeviceChannel(channel: ChannelName): boolean {
  return DEVICE_TECHS.has(channel.tech.toLowerCase());
}

/**
 * The extension number a channel stands for: the endpoint of a device channel, the
 * extension of a Local channel. Undefined for other technologies.
 */
export function extensionOfChannel(channel: ChannelName): string | undefined {
  if (channel.isLocal) return channel.localExten;
  return isDeviceChannel(channel) ? channel.resource : undefined;
}

/**
 * Decides which of the operator's extensions, if any, a channel belongs to — directly
 * (`PJSIP/101-…`) or through a Local chain (`Local/101@from-queue-…;1`).
 */
export class ExtensionMatcher {
  private readonly extensions: ReadonlySet<string>;

  constructor(extensions: readonly string[]) {
    this.extensions = new Set(extensions);
  }

  get list(): readonly string[] {
    return [...this.extensions];
  }

  has(extension: string): boolean {
    return this.extensions.has(extension);
  }

  /** The operator's extension the channel belongs to, or undefined. */
  match(channel: ChannelName): string | undefined {
    const extension = extensionOfChannel(channel);
    return extension !== undefined && this.extensions.has(extension) ? extension : undefined;
  }
}
