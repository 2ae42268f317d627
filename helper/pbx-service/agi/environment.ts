/**
 * What Asterisk tells a FastAGI server about the channel before the first command: the
 * `agi_*` lines of the opening block, with the fields the service uses pulled out.
 */
export interface AgiEnvironment {
  /** The script part of `agi://host:port/<script>?…`, e.g. `route_call`. */
  readonly script: string;
  /** `agi_uniqueid`: the channel that runs the AGI. */
  readonly uniqueid: string;
  readonly channel: string;
  /** `agi_callerid`, `unknown` when the channel has none. */
  readonly callerId: string;
  /** The dialled extension, as the dialplan saw it. */
  readonly extension: string;
  readonly context: string;
  /** `agi_arg_1`, `agi_arg_2`, … in order. */
  readonly args: readonly string[];
  /** Every `agi_*` line, keyed without the `agi_` prefix. */
  readonly fields: Readonly<Record<string, string>>;
}

const MAX_ARGS = 32;

/** The script name from `agi_network_script`, or from the request URI when that is absent. */
function scriptOf(fields: Readonly<Record<string, string>>): string {
  const script = fields['network_script'];
  if (script !== undefined && script.length > 0) return stripQuery(script);
  const request = fields['request'] ?? '';
  const path = /^[a-z]+:\/\/[^/]*\/(.*)$/i.exec(request)?.[1] ?? '';
  return stripQuery(path);
}

function stripQuery(script: string): string {
  const query = script.indexOf('?');
  return query < 0 ? script : script.slice(0, query);
}

/** Builds the environment from the `agi_*` fields (without their prefix). */
export function environmentOf(fields: Readonly<Record<string, string>>): AgiEnvironment {
  const args: string[] = [];
  for (let i = 1; i <= MAX_ARGS; i += 1) {
    const value = fields[`arg_${i}`];
    if (value === undefined) break;
    args.push(value);
  }
  return {
    script: scriptOf(fields),
    uniqueid: fields['uniqueid'] ?? '',
    channel: fields['channel'] ?? '',
    callerId: fields['callerid'] ?? 'unknown',
    extension: fields['extension'] ?? '',
    context: fields['context'] ?? '',
    args,
    fields,
  };
}
